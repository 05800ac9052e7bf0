/**
 * Per-indicator statistics of the raw (computed, not yet imputed) values of one period, as COINr's
 * get_stats defines them: availability = present / units; share of zeros = 1 − non-zero / present;
 * share of unique values = distinct present values / present; e1071 type-2 skewness and kurtosis of
 * the present values; and whether the treatment stage had to winsorise or log-transform the
 * indicator in that period (read from the engine's log).
 *
 * @example indicatorStats([1, 0, 0, NaN]) // availability 0.75, zeros 2/3, unique 2/3
 */
import type { LogEntry } from '../log.js';
import { skewAndKurtosis } from '../numeric/skew-kurtosis.js';

export interface IndicatorStats {
  readonly indicator: string;
  readonly availability: number;
  readonly zeroShare: number;
  readonly uniqueShare: number;
  readonly skewness: number;
  readonly kurtosis: number;
  /** "passed", "winsorised", "log_transformed" or "not_tested" (the treatment's verdict). */
  readonly treatment: string;
  readonly treatmentNeeded: boolean;
}

export function columnStats(
  values: Float64Array,
): Pick<IndicatorStats, 'availability' | 'zeroShare' | 'uniqueShare' | 'skewness' | 'kurtosis'> {
  let present = 0;
  let zeros = 0;
  const distinct = new Set<number>();
  for (const v of values) {
    if (v !== v) continue;
    present++;
    if (v === 0) zeros++;
    distinct.add(v + 0);
  }
  const { skew, kurt } = skewAndKurtosis(values);
  return {
    availability: values.length === 0 ? Number.NaN : present / values.length,
    zeroShare: present === 0 ? Number.NaN : zeros / present,
    uniqueShare: present === 0 ? Number.NaN : distinct.size / present,
    skewness: skew,
    kurtosis: kurt,
  };
}

/** The treatment stage's verdict for an indicator in a period ("not_tested" when it logged none). */
export function treatmentVerdict(log: readonly LogEntry[], indicator: string, periodId: string): string {
  const entry = log.find(
    (e) => e.stage === 'treatment' && e.indicator === indicator && e.period === periodId,
  );
  return entry?.message ?? 'not_tested';
}

export function indicatorStats(
  indicator: string,
  raw: Float64Array,
  log: readonly LogEntry[],
  periodId: string,
): IndicatorStats {
  const treatment = treatmentVerdict(log, indicator, periodId);
  return {
    indicator,
    ...columnStats(raw),
    treatment,
    treatmentNeeded: treatment === 'winsorised' || treatment === 'log_transformed',
  };
}
