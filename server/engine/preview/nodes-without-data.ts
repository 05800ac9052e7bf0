/**
 * The indicators and dimensions that have no data at all: an indicator whose raw values are
 * missing in every unit and period, and an aggregate (dimension) all of whose children have none.
 * A framework with a new dimension nobody has reported yet would otherwise show an empty column
 * with no word of why. The root is never listed (the whole index without data is a different
 * failure, refused earlier).
 *
 * @example
 * nodesWithoutData({ raw: { values: new Map([['x', [NaN, NaN]], ['y', [1, NaN]]]) }, weights: … })
 * // { indicators: ['x'], dimensions: ['a'] } where a's only child is x
 */
import type { EngineResult } from '../result.js';

export interface NodesWithoutData {
  /** In the result's indicator order. */
  readonly indicators: readonly string[];
  /** Children before parents, in the result's node order. */
  readonly dimensions: readonly string[];
}

function allMissing(column: ArrayLike<number> | undefined): boolean {
  if (column === undefined) return true;
  return Array.prototype.every.call(column, (value: number) => Number.isNaN(value));
}

export function nodesWithoutData(
  result: Pick<EngineResult, 'indicatorIds' | 'nodeIds' | 'root' | 'raw' | 'weights'>,
): NodesWithoutData {
  const empty = new Set<string>();
  for (const id of result.indicatorIds) if (allMissing(result.raw.values.get(id))) empty.add(id);
  const indicators = result.indicatorIds.filter((id) => empty.has(id));
  const dimensions: string[] = [];
  // nodeIds lists children before parents, so each node's children are settled when it is reached.
  for (const id of result.nodeIds) {
    const children = result.weights.get(id)?.children ?? [];
    if (children.length > 0 && children.every((child) => empty.has(child))) {
      empty.add(id);
      if (id !== result.root) dimensions.push(id);
    }
  }
  return { indicators, dimensions };
}
