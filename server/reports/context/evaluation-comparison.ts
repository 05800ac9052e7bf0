/**
 * Two or three evaluations of the same units lined up for comparison, as the use case
 * (services/compare-evaluations.ts) builds it and the compare page's view model reads it: per
 * evaluation its report context, the compared units' scores, ranks and Monte Carlo rank intervals,
 * and the engine's comparison of the rankings (shifts, movers, Spearman's ρ and Kendall's τ-b).
 * Units are matched by code; column i of every array is the unit codes[i].
 */
import type { UnitLevel } from '../../domain/unit.js';
import type { RankingComparison } from '../../engine/compare/compare-rankings.js';
import type { ReportContext } from './report-context.js';
import type { ReportScope } from './report-scope.js';

/** The Monte Carlo rank interval of each compared unit in one evaluation (NaN where it has none). */
export interface UnitIntervals {
  readonly runs: number;
  readonly p5: Float64Array;
  readonly median: Float64Array;
  readonly p95: Float64Array;
}

export interface ComparedEvaluation {
  readonly context: ReportContext;
  /** The position of the compared period among this evaluation's periods. */
  readonly period: number;
  readonly scope: ReportScope;
  /** Per compared unit, its report index in this evaluation (−1 when absent). */
  readonly unitIndex: Int32Array;
  /** Per compared unit, the index score (NaN when absent or missing). */
  readonly scores: Float64Array;
  /** Per compared unit, the rank within the level (NaN when absent or unranked). */
  readonly ranks: Float64Array;
  /** Whether the evaluation holds a Monte Carlo analysis at all. */
  readonly analysed: boolean;
  /** The units' rank intervals; null without an analysis or at a level the analysis does not rank. */
  readonly intervals: UnitIntervals | null;
}

export interface EvaluationComparison {
  /** Names this comparison (the evaluations' results, level, period, scope), for validators. */
  readonly key: string;
  readonly evaluations: readonly ComparedEvaluation[];
  readonly level: UnitLevel;
  /** The levels every evaluation has (within the scope), to choose from. */
  readonly levels: readonly UnitLevel[];
  readonly period: string;
  /** The periods every evaluation has, in the first evaluation's order. */
  readonly periods: readonly string[];
  /** The compared units' codes: the first evaluation's units of the level, then the others' new ones. */
  readonly codes: readonly string[];
  /** Whether the actor's unit scope left units out. */
  readonly scoped: boolean;
  readonly result: RankingComparison;
}
