/**
 * What the pipeline returns, per unit and period (row = period * unitCount + unit): raw indicator
 * values with their reasons and flags, the imputed, treated and normalised values, every node's score,
 * ranks, the weights used, the resolved choices and the log. Missing cells are NaN in the columns and
 * always carry a reason code, so exports print a reason, never "NaN".
 *
 * @example result.scores.values.get('index')![result.row('AUT', 0)]
 */
import type { ResolvedChoices } from './choices.js';
import type { LogEntry } from './log.js';
import type { EngineState } from './state.js';
import type { ColumnSet } from './types.js';

export interface NodeWeights {
  readonly children: readonly string[];
  readonly weights: Float64Array;
}

export interface EngineResult {
  readonly unitCodes: readonly string[];
  readonly periodIds: readonly string[];
  readonly unitCount: number;
  readonly rowCount: number;
  readonly indicatorIds: readonly string[];
  /** Inner nodes and the root, children before parents (the root last). */
  readonly nodeIds: readonly string[];
  readonly root: string;
  readonly raw: ColumnSet;
  readonly imputed: ColumnSet;
  readonly treated: ColumnSet;
  readonly normalised: ColumnSet;
  /** CellFlag bits per indicator and row. */
  readonly flags: ReadonlyMap<string, Uint8Array>;
  /** RowFlag bits per row. */
  readonly rowFlags: Uint8Array;
  readonly availability: Float64Array;
  readonly weights: ReadonlyMap<string, NodeWeights>;
  readonly scores: ColumnSet;
  /** 1 = best within the period, ties share the smallest rank, 0 = no rank. */
  readonly ranks: ReadonlyMap<string, Uint32Array>;
  readonly choices: ResolvedChoices;
  readonly log: readonly LogEntry[];
  /** The row of a unit (by code) in a period (by position). */
  row(unit: string, period: number): number;
}

export function toResult(state: EngineState, choices: ResolvedChoices): EngineResult {
  const { frame, sets } = state;
  const raw = sets.raw ?? state.current;
  const imputed = sets.imputed ?? raw;
  const treated = sets.treated ?? imputed;
  const normalised = sets.normalised ?? treated;
  const weights = new Map<string, NodeWeights>();
  for (const node of frame.tree.aggregates) {
    weights.set(node.id, {
      children: node.children,
      weights: state.weights.get(node.id) ?? node.childWeights,
    });
  }
  return {
    unitCodes: frame.input.units.codes,
    periodIds: frame.input.periods.map((p) => p.id),
    unitCount: frame.unitCount,
    rowCount: frame.rowCount,
    indicatorIds: frame.tree.indicatorIds,
    nodeIds: frame.tree.aggregates.map((a) => a.id),
    root: frame.tree.root,
    raw,
    imputed,
    treated,
    normalised,
    flags: state.flags,
    rowFlags: state.rowFlags,
    availability: state.availability,
    weights,
    scores: state.scores,
    ranks: state.ranks,
    choices,
    log: state.log,
    row(unit, period) {
      const u = frame.unitIndex.get(unit);
      if (u === undefined || period < 0 || period >= frame.periodCount) return -1;
      return period * frame.unitCount + u;
    },
  };
}
