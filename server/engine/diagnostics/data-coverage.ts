/**
 * How complete and how treated an evaluation's data are, per indicator: in each period, the base
 * units with a raw value, those the indicator applies to and the reasons of the gaps
 * (indicator-coverage.ts), and over all periods how many cells were imputed, winsorised,
 * log-transformed or censored (flag-counts.ts); and per period the share of applicable cells with a
 * value over all indicators.
 *
 * @example dataCoverage(result).completeness[0] // 0.97: 97 % of the applicable cells of period 0
 */
import type { EngineResult } from '../result.js';
import { flagCounts, type FlagCounts } from './flag-counts.js';
import { indicatorCoverage, type Coverage } from './indicator-coverage.js';

export interface DataCoverage {
  /** Per indicator: its coverage in each period. */
  readonly coverage: ReadonlyMap<string, readonly Coverage[]>;
  readonly flags: ReadonlyMap<string, FlagCounts>;
  /** The flag counts summed over every indicator. */
  readonly flagTotal: FlagCounts;
  /** Per period: present / applicable over all indicators (NaN when nothing applies). */
  readonly completeness: Float64Array;
}

export function dataCoverage(
  result: Pick<EngineResult, 'indicatorIds' | 'periodIds' | 'unitCount' | 'raw' | 'flags'>,
): DataCoverage {
  const coverage = new Map(
    result.indicatorIds.map((id) => [
      id,
      result.periodIds.map((_, p) =>
        indicatorCoverage(result.raw.values.get(id), result.raw.reasons.get(id), p, result.unitCount),
      ),
    ]),
  );
  const completeness = Float64Array.from(result.periodIds, (_, p) => {
    let present = 0;
    let applicable = 0;
    for (const periods of coverage.values()) {
      present += periods[p]?.present ?? 0;
      applicable += periods[p]?.applicable ?? 0;
    }
    return applicable > 0 ? present / applicable : Number.NaN;
  });
  const flags = new Map(result.indicatorIds.map((id) => [id, flagCounts(result.flags.get(id))]));
  let flagTotal: FlagCounts = { imputed: 0, winsorised: 0, logged: 0, censored: 0 };
  for (const c of flags.values())
    flagTotal = {
      imputed: flagTotal.imputed + c.imputed,
      winsorised: flagTotal.winsorised + c.winsorised,
      logged: flagTotal.logged + c.logged,
      censored: flagTotal.censored + c.censored,
    };
  return { coverage, flags, flagTotal, completeness };
}
