/**
 * "Worse than peers and worsening", after PHE Fingertips' filter: a unit whose index score is below
 * its peer group's median score in the period (the level figures' peer gap is negative) and lower than
 * in the previous period (the level figures' change is negative). The first period, and a unit
 * without a score or a peer median, is never flagged.
 *
 * @example worseAndWorsening(Float64Array.of(-3, 2, -1), Float64Array.of(-0.5, -4, NaN)) // [1, 0, 0]
 */
export function worseAndWorsening(peerGaps: Float64Array, changes: Float64Array): Uint8Array {
  return Uint8Array.from(peerGaps, (gap, row) => {
    const change = changes[row] ?? Number.NaN;
    return gap < 0 && change < 0 ? 1 : 0;
  });
}
