/**
 * The ranks of the units above the scored ones (streets, districts …) in one Monte Carlo run: the
 * run's root scores are rolled up the unit tree with the evaluation's roll-up and ranked within each
 * level and period the way rollUp() ranks them (largest score first, ties share the smallest rank).
 * Only the root column is rolled up, so a run costs one pass over the units per level. A level of a
 * few hundred streets is ranked by a comparison sort (rankDescending) rather than ranksTiesMin's radix
 * sort, whose 65,536 buckets per pass cost more than the whole level; both give the same ranks.
 *
 * Only the population-weighted roll-up is a function of the children's scores; the pooled and
 * own-data roll-ups score the parents from their own (pooled) data with a pipeline of their own, so
 * for them no ranker is made and the levels get no rank intervals.
 *
 * Rows of the result: level after level (levelOffsets), each period-major (period × the level's codes).
 *
 * @example
 * const ranker = levelRanker(input.units, 2, { method: 'population_weighted' });
 * ranker?.ranks(rootScores) // Uint32Array: streets' ranks, then districts' ranks
 */
import { ranksTiesMin } from '../numeric/rank.js';
import { unitLevels, type UnitLevel } from '../rollup/levels.js';
import { unweightedParents, weightedMeans } from '../rollup/weighted-means.js';
import type { EngineUnits, MethodChoice } from '../types.js';

/** The roll-up the evaluation uses when its framework names none (as run-evaluation.ts does). */
export const DEFAULT_ROLLUP: MethodChoice = { method: 'population_weighted' };

export interface LevelRanker {
  readonly levels: readonly UnitLevel[];
  /** Where each level's rows start in `ranks()`'s output. */
  readonly levelOffsets: readonly number[];
  /** Rows of all levels together. */
  readonly rowCount: number;
  /** Every level's ranks from the scored units' root scores (rows = period × unit). */
  ranks(rootScores: Float64Array): Uint32Array;
}

/** Above this many units a level is ranked by ranksTiesMin's radix sort. */
const COMPARISON_SORT_LIMIT = 20_000;

/**
 * Ranks as ranksTiesMin(values, 'descending') gives them (largest 1, equal values share the smallest
 * rank, NaN gets 0): a unit's rank is 1 + the number of values strictly above its own.
 *
 * @example rankDescending(Float64Array.of(5, 9, 5, NaN)) // Uint32Array [2, 1, 2, 0]
 */
export function rankDescending(values: Float64Array): Uint32Array {
  if (values.length > COMPARISON_SORT_LIMIT) return ranksTiesMin(values, 'descending');
  const ranks = new Uint32Array(values.length);
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) present.push(i);
  present.sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0));
  let start = 0;
  while (start < present.length) {
    const value = values[present[start] ?? 0];
    let end = start;
    while (end + 1 < present.length && values[present[end + 1] ?? 0] === value) end++;
    for (let k = start; k <= end; k++) ranks[present[k] ?? 0] = start + 1;
    start = end + 1;
  }
  return ranks;
}

/** The ranker for a roll-up, or null when the roll-up does not follow the root scores (or there is no level). */
export function levelRanker(
  units: EngineUnits,
  periodCount: number,
  rollup: MethodChoice = DEFAULT_ROLLUP,
): LevelRanker | null {
  if (rollup.method !== 'population_weighted') return null;
  const levels = unitLevels(units);
  if (levels.length === 0) return null;
  const populations: Float64Array[] = [];
  let childPopulation = units.population ?? new Float64Array(units.codes.length).fill(Number.NaN);
  for (const level of levels) {
    populations.push(childPopulation);
    childPopulation = level.population;
  }
  const unweighted = levels.map((level, k) => unweightedParents(level, populations[k] ?? childPopulation));
  const levelOffsets: number[] = [];
  let rowCount = 0;
  for (const level of levels) {
    levelOffsets.push(rowCount);
    rowCount += level.codes.length * periodCount;
  }
  return {
    levels,
    levelOffsets,
    rowCount,
    ranks(rootScores) {
      const out = new Uint32Array(rowCount);
      let child = rootScores;
      levels.forEach((level, k) => {
        const one = new Map([['root', child]]);
        const population = populations[k] ?? new Float64Array(0);
        const scores =
          weightedMeans(one, level, population, unweighted[k] ?? new Set(), periodCount).get('root') ??
          new Float64Array(0);
        const count = level.codes.length;
        const offset = levelOffsets[k] ?? 0;
        for (let p = 0; p < periodCount; p++) {
          out.set(rankDescending(scores.subarray(p * count, (p + 1) * count)), offset + p * count);
        }
        child = scores;
      });
      return out;
    },
  };
}
