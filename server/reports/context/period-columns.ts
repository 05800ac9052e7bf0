/**
 * One period of an evaluation laid out over every report unit (base units, then the units above
 * them): each node's score and rank, each indicator's raw and normalised value. Base units read the
 * results document as stored. The units above take their scores and ranks from the engine's roll-up
 * when the results hold one; otherwise, and always for their indicator values, they get the
 * population-weighted roll-up of their base units (populationRollup) and ranks within their level
 * (competitionRanks).
 *
 * @example periodColumns(results, units, 2).scores.get('index')![units.index.get('WY01')!]
 */
import type { Columns, CompactResults } from './compact-results.js';
import { competitionRanks } from '../compute/competition-ranks.js';
import { populationRollup } from '../compute/population-rollup.js';
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

function slice(column: Float64Array | undefined, from: number, count: number): Float64Array {
  return column === undefined ? new Float64Array(count).fill(Number.NaN) : column.slice(from, from + count);
}

function fullColumn(base: Float64Array, units: ReportUnits): Float64Array {
  const out = new Float64Array(units.codes.length);
  out.set(base);
  const inner = populationRollup(
    base,
    units.populations,
    units.ancestors,
    units.codes.length - units.baseCount,
  );
  out.set(inner, units.baseCount);
  return out;
}

function levelRanks(scores: Float64Array, baseRanks: Float64Array, units: ReportUnits): Float64Array {
  const ranks = new Float64Array(scores.length).fill(Number.NaN);
  ranks.set(baseRanks);
  for (const [level, members] of units.byLevel) {
    const inner = members.filter((i) => i >= units.baseCount);
    if (inner.length === 0 || level === 'community') continue;
    const ranked = competitionRanks(inner.map((i) => scores[i] ?? Number.NaN));
    inner.forEach((unit, k) => (ranks[unit] = ranked[k] ?? Number.NaN));
  }
  return ranks;
}

/** Overwrites the inner units' scores and ranks with the engine's roll-up of this period. */
function applyEngineRollup(
  rollup: NonNullable<CompactResults['rollup']>,
  units: ReportUnits,
  period: number,
  scores: ReadonlyMap<string, Float64Array>,
  ranks: ReadonlyMap<string, Float64Array>,
): void {
  for (const level of rollup.levels) {
    const count = level.codes.length;
    level.codes.forEach((code, i) => {
      const unit = units.index.get(code);
      if (unit === undefined || unit < units.baseCount) return;
      const row = period * count + i;
      for (const [node, column] of scores) column[unit] = level.scores.get(node)?.[row] ?? Number.NaN;
      for (const [node, column] of ranks) column[unit] = level.ranks.get(node)?.[row] ?? Number.NaN;
    });
  }
}

export function periodColumns(results: CompactResults, units: ReportUnits, period: number): PeriodColumns {
  const from = period * units.baseCount;
  const columns = (source: Columns, ids: readonly string[]) =>
    new Map(ids.map((id) => [id, fullColumn(slice(source.get(id), from, units.baseCount), units)]));
  const nodes = [results.root, ...results.nodes.filter((n) => n !== results.root)];
  const scores = columns(results.scores, nodes);
  const ranks = new Map(
    nodes.map((node) => [
      node,
      levelRanks(
        scores.get(node) ?? new Float64Array(0),
        slice(results.ranks.get(node), from, units.baseCount),
        units,
      ),
    ]),
  );
  if (results.rollup !== null) applyEngineRollup(results.rollup, units, period, scores, ranks);
  return {
    period: results.periods[period] ?? '',
    scores,
    ranks,
    raw: columns(results.raw, results.indicators),
    normalised: columns(results.normalised, results.indicators),
  };
}
