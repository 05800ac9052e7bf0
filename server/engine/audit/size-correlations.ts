/**
 * Raw indicators that may merely measure size: the Pearson correlation (pairwise complete) of each
 * indicator's raw values with each size variable (population, households, a shared denominator),
 * kept when |r| ≥ the threshold (0.6 by default), as COINr's get_denom_corr does with its
 * denominators. An indicator that tracks population this closely may need dividing by it.
 *
 * @example sizeCorrelations(['visits'], raw, new Map([['population', pop]])) // [{ indicator: 'visits', size: 'population', r: 0.93 }]
 */
import { pearson } from '../numeric/correlation.js';

export interface SizeCorrelation {
  readonly indicator: string;
  readonly size: string;
  readonly r: number;
}

export const defaultSizeThreshold = 0.6;

export function sizeCorrelations(
  indicators: readonly string[],
  raw: (id: string) => Float64Array,
  sizes: ReadonlyMap<string, Float64Array>,
  threshold = defaultSizeThreshold,
): SizeCorrelation[] {
  const out: SizeCorrelation[] = [];
  for (const indicator of indicators) {
    for (const [size, values] of sizes) {
      const r = pearson(raw(indicator), values);
      if (r === r && Math.abs(r) >= threshold) out.push({ indicator, size, r });
    }
  }
  return out;
}
