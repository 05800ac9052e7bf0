/**
 * Shared by the data-driven weightings (entropy, cv, critic, pca): for every node whose children are
 * all indicators, weights computed from the children's normalised columns (all periods pooled);
 * every other node keeps its framework weights. When the data give no usable weights (every column
 * constant, say) the node keeps its framework weights and a note says why.
 *
 * @example dataDrivenWeights(input, 'entropy', (columns) => entropyWeights(columns))
 */
import type { WeightingInput, WeightingNote, WeightingOutcome } from './contract.js';

/** Weights for the given columns, or a reason why there are none. */
export type ColumnWeigher = (columns: readonly Float64Array[]) => Float64Array | string;

export function dataDrivenWeights(
  input: WeightingInput,
  method: string,
  weigh: ColumnWeigher,
): WeightingOutcome {
  const weights = new Map<string, Float64Array>();
  const notes: WeightingNote[] = [];
  for (const node of input.tree.aggregates) {
    const columns = node.children.map((child) => input.normalised.get(child));
    if (columns.some((c) => c === undefined)) {
      weights.set(node.id, node.childWeights);
      continue;
    }
    const result = node.children.length === 1 ? Float64Array.of(1) : weigh(columns as Float64Array[]);
    if (typeof result === 'string' || !(result.reduce((s, w) => s + w, 0) > 0)) {
      weights.set(node.id, node.childWeights);
      notes.push({
        node: node.id,
        message: `${method} gives no usable weights (${typeof result === 'string' ? result : 'all zero'}); framework weights kept`,
      });
      continue;
    }
    const total = result.reduce((s, w) => s + w, 0);
    const scaled = result.map((w) => w / total);
    weights.set(node.id, scaled);
    notes.push({
      node: node.id,
      message: `${method} weights`,
      data: Object.fromEntries(node.children.map((child, j) => [child, scaled[j] ?? NaN])),
    });
  }
  return { weights, notes };
}
