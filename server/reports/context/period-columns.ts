/**
 * One period of an evaluation laid out over every report unit (base units, then the units above
 * them): each node's score and rank within the unit's level, each indicator's raw and normalised
 * value — all as the engine computed and the results store them: the base units' columns and the
 * roll-up's levels. A unit the results hold no figure for gets NaN.
 *
 * @example periodColumns(context.results, context, 2).scores.get('index')![units.index.get('WY01')!]
 */
import type { Columns, CompactResults, CompactRollupLevel } from './compact-results.js';
import type { LevelPlace } from './report-context.js';
import type { ReportUnits } from './report-units.js';

export interface PeriodColumns {
  readonly period: string;
  /** Root and inner nodes. */
  readonly scores: ReadonlyMap<string, Float64Array>;
  /** Rank within the unit's level (1 = best), NaN for none. */
  readonly ranks: ReadonlyMap<string, Float64Array>;
  readonly raw: ReadonlyMap<string, Float64Array>;
  readonly normalised: ReadonlyMap<string, Float64Array>;
}

export function periodColumns(
  results: CompactResults,
  units: ReportUnits,
  place: (unit: number) => LevelPlace | null,
  period: number,
): PeriodColumns {
  const count = units.codes.length;
  const columns = (pick: (level: CompactRollupLevel) => Columns, ids: readonly string[]) =>
    new Map(
      ids.map((id) => {
        const out = new Float64Array(count).fill(Number.NaN);
        for (let unit = 0; unit < count; unit++) {
          const at = place(unit);
          if (at !== null) out[unit] = pick(at.level).get(id)?.[at.row(period)] ?? Number.NaN;
        }
        return [id, out];
      }),
    );
  const nodes = [results.root, ...results.nodes.filter((n) => n !== results.root)];
  return {
    period: results.periods[period] ?? '',
    scores: columns((level) => level.scores, nodes),
    ranks: columns((level) => level.ranks, nodes),
    raw: columns((level) => level.raw, results.indicators),
    normalised: columns((level) => level.normalised, results.indicators),
  };
}
