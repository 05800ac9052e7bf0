/**
 * Stage, aggregate: scores every node of the tree from its children, bottom-up (indicators → pillars →
 * sub-indices → index), period by period, with the chosen method. A score with no child present is
 * missing: screened_out for a dropped unit, missing_input otherwise. Large frames share each node's
 * rows among the engine's threads when the method works row by row (parallel/pool.ts), with the same
 * result.
 *
 * @example aggregateStage(state, choices).scores.values.get('index')
 */
import type { PreparedChoices } from '../choices.js';
import { logEntry } from '../log.js';
import { engineColumn, rowRanges, runTasks, shareWork } from '../parallel/pool.js';
import { sharedCopy, sharedUint8 } from '../parallel/shared.js';
import { columnOf, type EngineState } from '../state.js';
import { sealScoreRows } from './aggregate-rows.js';

export function aggregateStage(state: EngineState, choices: PreparedChoices): EngineState {
  const { frame, current } = state;
  const { rowCount } = frame;
  const method = choices.aggregation;
  const values = new Map<string, Float64Array>();
  const reasons = new Map<string, Uint8Array>();
  const childColumn = (id: string): Float64Array => values.get(id) ?? columnOf(current.values, id);
  const shared = method.byRow === true && shareWork(rowCount);
  const rowFlags = shared ? sharedCopy(state.rowFlags) : state.rowFlags;
  for (const node of frame.tree.aggregates) {
    const output = engineColumn(rowCount);
    const why = shared ? sharedUint8(rowCount) : new Uint8Array(rowCount);
    const children = node.children.map(childColumn);
    const weights = state.weights.get(node.id) ?? node.childWeights;
    if (!shared || !aggregateShared(state, choices, node.id, children, weights, output, why, rowFlags)) {
      aggregateInThread(state, choices, node, children, weights, output, why);
      sealScoreRows(output, why, state.rowFlags, 0, rowCount);
    }
    values.set(node.id, output);
    reasons.set(node.id, why);
  }
  const entry = logEntry('aggregation', `aggregation: ${method.name}`, {
    method: method.name,
    data: method.params,
  });
  return { ...state, scores: { values, reasons }, log: [...state.log, entry] };
}

/** The node period by period in this thread (errors name the unit and the period). */
function aggregateInThread(
  state: EngineState,
  choices: PreparedChoices,
  node: { readonly id: string; readonly children: readonly string[] },
  children: readonly Float64Array[],
  weights: Float64Array,
  output: Float64Array,
  why: Uint8Array,
): void {
  const { frame } = state;
  const { unitCount, periodCount } = frame;
  for (let p = 0; p < periodCount; p++) {
    const from = p * unitCount;
    const to = from + unitCount;
    choices.aggregation.run(
      children.map((c) => c.subarray(from, to)),
      weights,
      output.subarray(from, to),
      why.subarray(from, to),
      {
        node: node.id,
        children: node.children,
        period: frame.input.periods[p]?.id ?? '?',
        unitCode: (row) => frame.input.units.codes[row] ?? '?',
      },
    );
  }
}

/**
 * The node's rows split among the threads. False when a task failed (the node is then run again in
 * this thread, from scratch, to report the failure as it always has).
 */
function aggregateShared(
  state: EngineState,
  choices: PreparedChoices,
  node: string,
  children: readonly Float64Array[],
  weights: Float64Array,
  output: Float64Array,
  why: Uint8Array,
  rowFlags: Uint8Array,
): boolean {
  const { rowCount } = state.frame;
  const sharedChildren = children.map((c) => sharedCopy(c));
  const tasks = rowRanges(rowCount).map(([from, to]) => ({
    method: choices.resolved.aggregation,
    children: sharedChildren,
    weights,
    output,
    reasons: why,
    rowFlags,
    from,
    to,
    node,
  }));
  try {
    runTasks('aggregate', tasks);
    return true;
  } catch {
    output.fill(0);
    why.fill(0);
    return false;
  }
}
