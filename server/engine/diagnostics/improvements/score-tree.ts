/**
 * Scores every node of a framework tree for one unit from its indicators' normalised values,
 * bottom-up (`order` lists children before parents, as the results document's `nodes` do), with the
 * node weights of the evaluation and its aggregation method (aggregateRow).
 *
 * @example
 * scoreTree({ d: { children: ['a', 'b'], weights: [1, 3] } }, ['d'], (id) => (id === 'a' ? 40 : 80), 'arithmetic')
 * // Map { 'd' => 70 }
 */
import { aggregateRow } from './aggregate-row.js';

export type NodeWeights = Readonly<
  Record<string, { readonly children: readonly string[]; readonly weights: readonly number[] }>
>;

export function scoreTree(
  weights: NodeWeights,
  order: readonly string[],
  leaf: (indicator: string) => number,
  method: string,
): Map<string, number> {
  const scores = new Map<string, number>();
  for (const node of order) {
    const spec = weights[node];
    if (spec === undefined) continue;
    const values = spec.children.map((child) => scores.get(child) ?? leaf(child));
    scores.set(node, aggregateRow(values, spec.weights, method));
  }
  return scores;
}
