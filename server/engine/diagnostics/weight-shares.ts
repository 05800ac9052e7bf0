/**
 * Each child's share of its node's total weight (weights need not sum to one: expert weights are
 * often given as points), for the methodology appendix. A node whose weights sum to nothing has no
 * shares (NaN).
 *
 * @example weightShares(new Map([['index', { children: ['a', 'b'], weights: [1, 3] }]])).get('index') // [0.25, 0.75]
 */
export function weightShares(
  weights: ReadonlyMap<string, { readonly children: readonly string[]; readonly weights: ArrayLike<number> }>,
): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const [node, spec] of weights) {
    const values = Float64Array.from(spec.children, (_, j) => spec.weights[j] ?? 0);
    const sum = values.reduce((a, b) => a + b, 0);
    out.set(
      node,
      values.map((w) => (sum > 0 ? w / sum : Number.NaN)),
    );
  }
  return out;
}
