/**
 * Residents' satisfaction as a check on the index (issue 15): for every survey indicator the
 * evaluation reports, at every level where the survey has estimates (the scored units, streets,
 * districts; a level of fewer than three units is skipped), per period and per node (each dimension,
 * then the index) the correlation of the score with the survey estimate and the units where they
 * disagree most (server/engine/surveys/satisfaction-check.ts). Stored as the results' optional
 * `satisfaction` section; the surveys' own estimates are read through SatisfactionMeasure, a small
 * shape any survey section maps to.
 *
 * @example doc.satisfaction.measures[0].levels[0].periods[2].nodes.at(-1).pearson // the index's r
 */
import {
  LIST_LENGTH,
  satisfactionCheck,
  type PeriodCheck,
  type SatisfactionCell,
} from '../engine/surveys/satisfaction-check.js';
import { MIN_UNITS } from '../engine/surveys/satisfaction-fit.js';
import type { EngineResult } from '../engine/result.js';
import type { Rollup } from '../engine/rollup/roll-up.js';

/** Whether the estimate is a share (0–1) or a mean on the answer scale: how the pages format it. */
export type SatisfactionStatistic = 'share' | 'mean';

/** One survey indicator's estimates: per period id, per unit code (any level), an estimate or why none. */
export interface SatisfactionMeasure {
  readonly indicator: string;
  readonly statistic: SatisfactionStatistic;
  readonly cells: ReadonlyMap<string, ReadonlyMap<string, SatisfactionCell>>;
}

export interface SatisfactionLevelDocument {
  /** The register's level of the units ('community', 'street', 'district' …). */
  readonly level: string;
  /** The units of the level (with an estimate, without one, or not surveyed). */
  readonly unitCount: number;
  readonly periods: readonly PeriodCheck[];
}

export interface SatisfactionMeasureDocument {
  readonly indicator: string;
  readonly statistic: SatisfactionStatistic;
  readonly levels: readonly SatisfactionLevelDocument[];
}

export interface SatisfactionDocument {
  /** The units each disagreement list holds at most. */
  readonly listLength: number;
  /** The fewest units with both values that give a correlation and a line. */
  readonly minUnits: number;
  readonly measures: readonly SatisfactionMeasureDocument[];
}

/** One level of scores: its units and, per node, the score per row (period × unit). */
export interface ScoredLevel {
  readonly codes: readonly string[];
  readonly scores: ReadonlyMap<string, ArrayLike<number>>;
}

export interface SatisfactionSources {
  readonly periodIds: readonly string[];
  /** The dimensions, then the index. */
  readonly nodes: readonly string[];
  /** The scored units first, then the roll-up levels upwards. */
  readonly levels: readonly ScoredLevel[];
  /** Register level of every unit code. */
  readonly levelOf: ReadonlyMap<string, string>;
}

/** The section, or undefined when the evaluation reports no survey indicator. */
export function satisfactionDocument(
  sources: SatisfactionSources,
  measures: readonly SatisfactionMeasure[],
): SatisfactionDocument | undefined {
  if (measures.length === 0) return undefined;
  return {
    listLength: LIST_LENGTH,
    minUnits: MIN_UNITS,
    measures: measures.map((measure) => ({
      indicator: measure.indicator,
      statistic: measure.statistic,
      levels: sources.levels
        .filter(
          (level) =>
            level.codes.length >= MIN_UNITS &&
            level.codes.some((code) => [...measure.cells.values()].some((cells) => cells.has(code))),
        )
        .map((level) => ({
          level: sources.levelOf.get(level.codes[0] ?? '') ?? 'unknown',
          unitCount: level.codes.length,
          periods: satisfactionCheck({
            codes: level.codes,
            periodIds: sources.periodIds,
            nodes: sources.nodes,
            scores: level.scores,
            satisfaction: measure.cells,
          }),
        })),
    })),
  };
}

/** The levels an evaluation scored: its base units, then each roll-up level; nodes = dimensions, then the index. */
export function satisfactionSources(
  result: Pick<EngineResult, 'periodIds' | 'unitCodes' | 'scores' | 'weights' | 'root'>,
  rollup: Pick<Rollup, 'levels'>,
  register: readonly { readonly code: string; readonly level: string }[],
): SatisfactionSources {
  return {
    periodIds: result.periodIds,
    nodes: [...(result.weights.get(result.root)?.children ?? []), result.root],
    levels: [{ codes: result.unitCodes, scores: result.scores.values }, ...rollup.levels],
    levelOf: new Map(register.map((unit) => [unit.code, unit.level])),
  };
}
