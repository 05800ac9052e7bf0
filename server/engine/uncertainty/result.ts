/**
 * The outcome of an uncertainty analysis: per unit and period the median rank and the 5–95 % rank
 * interval over the runs (with the nominal rank beside them), the sensitivity indices when the design
 * is Saltelli's, every replication's record (replayable with replayReplication) and every run's ranks.
 *
 * Statistics use the independent runs only: all runs of a Monte Carlo design, the A and B runs of a
 * Saltelli design (the AB runs re-use A's values and serve the sensitivity indices).
 *
 * @example
 * const result = summariseUncertainty(prepared, ranks);
 * result.statistics.p5[row], result.statistics.p95[row] // the 90 % rank interval of one unit-period
 */
import type { ResolvedChoices } from '../choices.js';
import type { PreparedUncertainty } from './prepare.js';
import { rankStatistics, type RankStatistics } from './rank-stats.js';
import type { ReplicationRecord } from './record.js';
import { sensitivityAnalysis, type SensitivityAnalysis } from './sensitivity.js';
import type { FactorName } from './spec.js';

export interface UncertaintyResult {
  readonly seed: number;
  readonly design: 'montecarlo' | 'saltelli';
  /** N: runs of a Monte Carlo design, or the base sample of a Saltelli design. */
  readonly samples: number;
  readonly runs: number;
  readonly factors: readonly FactorName[];
  readonly top: number;
  readonly unitCodes: readonly string[];
  readonly periodIds: readonly string[];
  readonly unitCount: number;
  readonly rowCount: number;
  readonly root: string;
  readonly base: ResolvedChoices;
  /** The base run's rank of the root per row. */
  readonly nominal: Uint32Array;
  readonly statistics: RankStatistics;
  readonly sensitivity?: SensitivityAnalysis;
  readonly records: readonly ReplicationRecord[];
  /** Run-major: ranks[run * rowCount + row]; 0 = no rank. */
  readonly ranks: Uint32Array;
}

export function summariseUncertainty(prepared: PreparedUncertainty, ranks: Uint32Array): UncertaintyResult {
  const { spec, records, nominal, setup } = prepared;
  const { rowCount } = nominal;
  if (ranks.length !== records.length * rowCount) {
    throw new Error(`uncertainty: expected ${records.length * rowCount} ranks, found ${ranks.length}`);
  }
  const independent = records.filter((r) => r.matrix !== 'AB').map((r) => r.index);
  return {
    seed: spec.seed,
    design: spec.sensitivity ? 'saltelli' : 'montecarlo',
    samples: spec.replications,
    runs: records.length,
    factors: setup.factors,
    top: spec.top,
    unitCodes: nominal.unitCodes,
    periodIds: nominal.periodIds,
    unitCount: nominal.unitCount,
    rowCount,
    root: nominal.root,
    base: nominal.choices,
    nominal: nominal.ranks,
    statistics: rankStatistics(ranks, rowCount, independent, spec.top),
    ...(spec.sensitivity
      ? { sensitivity: sensitivityAnalysis(records, ranks, rowCount, nominal.ranks, setup.factors) }
      : {}),
    records,
    ranks,
  };
}

/** One run's ranks (a view into the matrix). */
export function runRanks(result: UncertaintyResult, run: number): Uint32Array {
  return result.ranks.subarray(run * result.rowCount, (run + 1) * result.rowCount);
}
