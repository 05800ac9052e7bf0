/**
 * One replication's root scores from its combination's normalised columns: the aggregate stage's
 * work for the arithmetic and geometric means, node by node (children before parents), with the
 * replication's weights, reading the cached logarithms for the geometric mean instead of taking
 * them again (weighted-rows.ts), and sealing each node's scores as the stage does (a score that is
 * not finite is missing). Other aggregation methods run the aggregate stage itself. Either way the
 * root scores are those of runPipeline with the same choices; the replay tests check it.
 *
 * @example
 * const scores = runRootScores(frame, prepared, weights, combination); // Float64Array, one per row
 */
import type { PreparedChoices } from '../choices.js';
import { aggregateStage } from '../stages/aggregate.js';
import { initialState, type Frame } from '../state.js';
import type { Combination } from './combinations.js';
import { logColumn } from './combinations.js';
import { weightedRows } from './weighted-rows.js';

/** The root's scores of one run (a new array). */
export function runRootScores(
  frame: Frame,
  prepared: PreparedChoices,
  weights: ReadonlyMap<string, Float64Array>,
  combination: Combination,
  scratch: RunScratch = new RunScratch(),
): Float64Array {
  const name = prepared.aggregation.name;
  const fast =
    (name === 'arithmetic' || name === 'geometric') && Object.keys(prepared.aggregation.params).length === 0;
  const scores = fast ? meanScores(frame, weights, combination, name === 'geometric', scratch) : undefined;
  if (scores !== undefined) return scores;
  const normalised = combination.normalised;
  const start = { ...initialState(frame, []), sets: { normalised }, current: normalised, weights };
  const root = aggregateStage(start, prepared).scores.values.get(frame.tree.root);
  if (root === undefined) throw new Error('uncertainty: the aggregation gave no scores for the root');
  return root;
}

/**
 * Every node by the weighted mean; undefined when a geometric mean meets a value ≤ 0 (the stage then
 * runs and throws the method's own error, naming the unit).
 */
function meanScores(
  frame: Frame,
  weights: ReadonlyMap<string, Float64Array>,
  combination: Combination,
  geometric: boolean,
  scratch: RunScratch,
): Float64Array | undefined {
  const { rowCount } = frame;
  const root = frame.tree.root;
  const scores = new Map<string, Float64Array>();
  const column = (id: string): Float64Array | null => {
    const own = scores.get(id);
    if (own !== undefined) return geometric ? logColumn(own, scratch.column(`log:${id}`, rowCount)) : own;
    if (geometric) return combination.logs(id);
    return combination.normalised.values.get(id) ?? null;
  };
  for (const node of frame.tree.aggregates) {
    const children: Float64Array[] = [];
    for (const id of node.children) {
      const child = column(id);
      if (child === null) {
        if (geometric) return undefined;
        throw new Error(`engine: no column "${id}"`);
      }
      children.push(child);
    }
    const output = node.id === root ? new Float64Array(rowCount) : scratch.column(node.id, rowCount);
    weightedRows(children, weights.get(node.id) ?? node.childWeights, output, geometric);
    for (let row = 0; row < rowCount; row++) {
      const v = output[row] ?? Number.NaN;
      if (v - v !== 0) output[row] = Number.NaN;
    }
    scores.set(node.id, output);
  }
  return scores.get(root);
}

/**
 * Columns one run's inner nodes (and their logarithms) are written to, kept for the next run: every
 * row is written before it is read, so nothing carries over, and a run allocates only its root.
 */
export class RunScratch {
  private readonly columns = new Map<string, Float64Array>();

  column(key: string, rows: number): Float64Array {
    const found = this.columns.get(key);
    if (found?.length === rows) return found;
    const made = new Float64Array(rows);
    this.columns.set(key, made);
    return made;
  }
}
