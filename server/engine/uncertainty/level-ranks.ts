/**
 * The ranks of the units above the scored ones (streets, districts …) in one Monte Carlo run: the
 * run's root scores are rolled up the unit tree with the evaluation's roll-up and ranked within each
 * level and period the way rollUp() ranks them (largest score first, ties share the smallest rank).
 * Only the root column is rolled up, so a run costs one pass over the units per level.
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
          out.set(
            ranksTiesMin(scores.subarray(p * count, (p + 1) * count), 'descending'),
            offset + p * count,
          );
        }
        child = scores;
      });
      return out;
    },
  };
}
