/**
 * The outcome of an uncertainty analysis: per unit and period the median rank and the 5–95 % rank
 * interval over the runs (with the nominal rank beside them), the sensitivity indices when the design
 * is Saltelli's, every replication's record (replayable with replayReplication) and every run's ranks.
 *
 * The same statistics are given for every level above the units (streets, districts …) from the
 * runs' rolled-up ranks (level-ranks.ts), and at every level, per period, the bands of units whose
 * intervals overlap (rank-bands.ts).
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
import { rankBands, type RankBands } from './rank-bands.js';
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
  /** The units' bands of overlapping rank intervals, per row. */
  readonly bands: RankBands;
  /** The levels above the units, as each run ranked them (none when the roll-up does not follow the scores). */
  readonly levels: readonly LevelUncertainty[];
  readonly sensitivity?: SensitivityAnalysis;
  readonly records: readonly ReplicationRecord[];
  /** Run-major: ranks[run * rowCount + row]; 0 = no rank. */
  readonly ranks: Uint32Array;
  /** Run-major: levelRanks[run * levelRowCount + level offset + row]; 0 = no rank. */
  readonly levelRanks: Uint32Array;
}

export interface LevelUncertainty {
  /** 1 = the parents of the scored units, 2 = their parents, … (as in the roll-up). */
  readonly level: number;
  readonly codes: readonly string[];
  /** The base run's rank of the root within the level, per row (period × codes). */
  readonly nominal: Uint32Array;
  readonly statistics: RankStatistics;
  readonly bands: RankBands;
}

export function summariseUncertainty(
  prepared: PreparedUncertainty,
  ranks: Uint32Array,
  levelRanks: Uint32Array = new Uint32Array(0),
): UncertaintyResult {
  const { spec, records, nominal, setup } = prepared;
  const { rowCount, levelRowCount } = nominal;
  if (ranks.length !== records.length * rowCount) {
    throw new Error(`uncertainty: expected ${records.length * rowCount} ranks, found ${ranks.length}`);
  }
  if (levelRanks.length !== records.length * levelRowCount) {
    throw new Error(
      `uncertainty: expected ${records.length * levelRowCount} level ranks, found ${levelRanks.length}`,
    );
  }
  const independent = records.filter((r) => r.matrix !== 'AB').map((r) => r.index);
  const statistics = rankStatistics(ranks, rowCount, independent, spec.top);
  const periodCount = nominal.periodIds.length;
  const levels = nominal.levels.map((level): LevelUncertainty => {
    const levelRows = level.codes.length * periodCount;
    const levelNominal = nominal.levelRanks.slice(level.offset, level.offset + levelRows);
    const levelStatistics = levelRankStatistics(
      levelRanks,
      levelRowCount,
      level.offset,
      levelRows,
      independent,
      spec.top,
    );
    return {
      level: level.level,
      codes: level.codes,
      nominal: levelNominal,
      statistics: levelStatistics,
      bands: rankBands(levelNominal, levelStatistics.p5, levelStatistics.p95, level.codes.length),
    };
  });
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
    statistics,
    bands: rankBands(nominal.ranks, statistics.p5, statistics.p95, nominal.unitCount),
    levels,
    ...(spec.sensitivity
      ? { sensitivity: sensitivityAnalysis(records, ranks, rowCount, nominal.ranks, setup.factors) }
      : {}),
    records,
    ranks,
    levelRanks,
  };
}

/** One level's statistics: its columns copied out of the runs' level ranks into a matrix of its own. */
function levelRankStatistics(
  levelRanks: Uint32Array,
  levelRowCount: number,
  offset: number,
  rows: number,
  runs: readonly number[],
  top: number,
): RankStatistics {
  const runCount = levelRowCount === 0 ? 0 : levelRanks.length / levelRowCount;
  const own = new Uint32Array(runCount * rows);
  for (let run = 0; run < runCount; run++) {
    const from = run * levelRowCount + offset;
    own.set(levelRanks.subarray(from, from + rows), run * rows);
  }
  return rankStatistics(own, rows, runs, top);
}

/** One run's ranks (a view into the matrix). */
export function runRanks(result: UncertaintyResult, run: number): Uint32Array {
  return result.ranks.subarray(run * result.rowCount, (run + 1) * result.rowCount);
}
