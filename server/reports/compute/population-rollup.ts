/**
 * Population-weighted roll-up of a base-unit column to the units above (DESIGN.md, "roll up the unit
 * tree"): each inner unit gets Σ pᵢxᵢ / Σ pᵢ over the base units below it that have a value, pᵢ their
 * resident population. When none of those has a population, the plain mean is used instead, so a
 * register without populations still rolls up. Inner units with no value below stay NaN.
 *
 * @example
 * // two communities (populations 1,000 and 3,000) under one street (inner unit 0):
 * populationRollup(Float64Array.of(40, 80), Float64Array.of(1000, 3000), [[0], [0]], 1) // [70]
 */
export function populationRollup(
  values: ArrayLike<number>,
  populations: ArrayLike<number>,
  ancestors: readonly (readonly number[])[],
  innerCount: number,
): Float64Array {
  const weighted = new Float64Array(innerCount);
  const weights = new Float64Array(innerCount);
  const sums = new Float64Array(innerCount);
  const counts = new Uint32Array(innerCount);
  for (let row = 0; row < ancestors.length; row++) {
    const x = values[row] ?? Number.NaN;
    if (x !== x) continue;
    const p = populations[row] ?? Number.NaN;
    const w = p > 0 ? p : 0;
    for (const inner of ancestors[row] ?? []) {
      weighted[inner] = (weighted[inner] ?? 0) + w * x;
      weights[inner] = (weights[inner] ?? 0) + w;
      sums[inner] = (sums[inner] ?? 0) + x;
      counts[inner] = (counts[inner] ?? 0) + 1;
    }
  }
  const out = new Float64Array(innerCount);
  for (let i = 0; i < innerCount; i++) {
    const w = weights[i] ?? 0;
    const n = counts[i] ?? 0;
    out[i] = w > 0 ? (weighted[i] ?? 0) / w : n > 0 ? (sums[i] ?? 0) / n : Number.NaN;
  }
  return out;
}
