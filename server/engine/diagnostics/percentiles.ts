/**
 * Percentiles from ranks: 100 × (n - rank) / (n - 1), the share of the other units in the period that
 * score at or below the unit (the best scores 100; tied units share a percentile). A unit without a
 * score, or a period with a single score, has none (NaN, with the rank at 0).
 *
 * @example percentilesFromRanks(Uint32Array.of(1, 2, 2, 4), 4, 1) // [100, 66.7, 66.7, 0]
 */
export function percentilesFromRanks(
  ranks: Uint32Array,
  unitCount: number,
  periodCount: number,
): Float64Array {
  const out = new Float64Array(ranks.length).fill(Number.NaN);
  for (let p = 0; p < periodCount; p++) {
    const from = p * unitCount;
    let n = 0;
    for (let u = 0; u < unitCount; u++) if ((ranks[from + u] ?? 0) > 0) n++;
    if (n < 2) continue;
    for (let u = 0; u < unitCount; u++) {
      const rank = ranks[from + u] ?? 0;
      if (rank > 0) out[from + u] = (100 * (n - rank)) / (n - 1);
    }
  }
  return out;
}
