/**
 * The weakest dimension (短板) of a unit: the top-level dimension with the lowest score, with its
 * gap to the peer group's median score on that dimension. Missing scores are passed over; null when
 * no dimension has a score.
 *
 * @example
 * weakestDimension(['a', 'b'], (d) => (d === 'a' ? 55 : 40), () => 50) // { dimension: 'b', score: 40, peerMedian: 50, gap: -10 }
 */
export interface WeakestDimension {
  readonly dimension: string;
  readonly score: number;
  readonly peerMedian: number;
  /** score − peer median (negative: below the peers). */
  readonly gap: number;
}

export function weakestDimension(
  dimensions: readonly string[],
  score: (dimension: string) => number,
  peerMedian: (dimension: string) => number,
): WeakestDimension | null {
  let weakest: WeakestDimension | null = null;
  for (const dimension of dimensions) {
    const s = score(dimension);
    if (!Number.isFinite(s) || (weakest !== null && s >= weakest.score)) continue;
    const m = peerMedian(dimension);
    weakest = { dimension, score: s, peerMedian: m, gap: s - m };
  }
  return weakest;
}
