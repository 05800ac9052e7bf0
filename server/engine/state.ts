/**
 * The state the stages pass along. Each stage is a pure function from one state to the next: it never
 * writes into an array an earlier state holds; it makes new columns for what it changes and shares
 * the rest. Rows are unit × period, period-major: row = period * unitCount + unit.
 *
 * @example const next = treatStage(state, choices); // state.sets.imputed is untouched
 */
import type { LogEntry } from './log.js';
import type { PreparedTree } from './tree.js';
import type { ColumnSet, EngineInput } from './types.js';

/** What does not change from stage to stage. */
export interface Frame {
  readonly input: EngineInput;
  readonly tree: PreparedTree;
  readonly unitCount: number;
  readonly periodCount: number;
  readonly rowCount: number;
  readonly unitIndex: ReadonlyMap<string, number>;
}

export type IndicatorSetName = 'raw' | 'screened' | 'imputed' | 'treated' | 'normalised';

export interface EngineState {
  readonly frame: Frame;
  /** Indicator columns as each stage left them. */
  readonly sets: Readonly<Partial<Record<IndicatorSetName, ColumnSet>>>;
  /** The latest indicator columns. */
  readonly current: ColumnSet;
  /** CellFlag bits per indicator and row. */
  readonly flags: ReadonlyMap<string, Uint8Array>;
  /** RowFlag bits per row. */
  readonly rowFlags: Uint8Array;
  /** Share of applicable indicators present per row, as screening measured it. */
  readonly availability: Float64Array;
  /** Weights of each node's children, aligned with TreeAggregate.children. */
  readonly weights: ReadonlyMap<string, Float64Array>;
  /** Scores of the inner nodes and the root. */
  readonly scores: ColumnSet;
  /** Ranks within each period (1 = best, ties share the smallest rank, 0 = no rank), by node or indicator id. */
  readonly ranks: ReadonlyMap<string, Uint32Array>;
  readonly log: readonly LogEntry[];
}

export const emptyColumns: ColumnSet = { values: new Map(), reasons: new Map() };

export function initialState(frame: Frame, log: readonly LogEntry[]): EngineState {
  return {
    frame,
    sets: {},
    current: emptyColumns,
    flags: new Map(),
    rowFlags: new Uint8Array(frame.rowCount),
    availability: new Float64Array(frame.rowCount),
    weights: new Map(),
    scores: emptyColumns,
    ranks: new Map(),
    log,
  };
}

/** The rows of one period in a column (a view, not a copy). */
export function periodRows<T extends Float64Array | Uint8Array | Uint32Array>(
  column: T,
  period: number,
  unitCount: number,
): T {
  return column.subarray(period * unitCount, (period + 1) * unitCount) as T;
}

/** A column of one set; the stages only ask for ids the tree declares, so absence is a programming error. */
export function columnOf<T>(map: ReadonlyMap<string, T>, id: string): T {
  const column = map.get(id);
  if (column === undefined) throw new Error(`engine: no column "${id}"`);
  return column;
}
