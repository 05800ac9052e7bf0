/**
 * An official's own priorities as the use case hands them to the view model
 * (services/own-priorities.ts → reports/views/own-priorities-view.ts): the evaluation's context, the
 * ratings used, the scored units' level with the reader's scope over it, the published figures and
 * the engine's re-ranking (engine/priorities/re-rank.ts). Plain data; nothing here is stored.
 */
import type { OwnPrioritiesResult } from '../../engine/priorities/re-rank.js';
import type { ReportContext } from './report-context.js';

export interface OwnPriorities {
  readonly context: ReportContext;
  /** The root's children, in the framework's order. */
  readonly dimensions: readonly string[];
  /** The starting ratings, in proportion to the published weights. */
  readonly defaults: readonly number[];
  /** The ratings used (the defaults where none was sent). */
  readonly ratings: readonly number[];
  readonly period: number;
  /** The scored units' level, in the engine's order. */
  readonly codes: readonly string[];
  /** Per unit of the level, its report index (−1 when the report has none). */
  readonly reportIndex: Int32Array;
  /** Per unit of the level, 1 when the reader may see it. */
  readonly visible: Uint8Array;
  /** Whether the reader sees only part of the level. */
  readonly scoped: boolean;
  /** Per unit of the level, the published score and rank of the root in the period. */
  readonly publishedScores: Float64Array;
  readonly publishedRanks: Float64Array;
  readonly result: OwnPrioritiesResult;
}
