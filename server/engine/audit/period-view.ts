/**
 * The audit looks at one period at a time: this gives the rows of that period of any column the
 * pipeline produced, and the value columns a tree node stands for (an indicator's normalised values,
 * an inner node's score), so that every statistic reads its data the same way.
 *
 * @example const view = periodView(result, 0); view.normalised('LPI') // Float64Array, one per unit
 */
import type { EngineResult } from '../result.js';
import { periodRows } from '../state.js';

export interface PeriodView {
  readonly period: number;
  readonly unitCount: number;
  readonly raw: (indicator: string) => Float64Array;
  readonly normalised: (indicator: string) => Float64Array;
  readonly score: (node: string) => Float64Array;
  /** An indicator's normalised values or a node's score, whichever the id names. */
  readonly element: (id: string) => Float64Array;
}

export function periodView(result: EngineResult, period: number): PeriodView {
  const { unitCount } = result;
  const slice = (column: Float64Array | undefined, id: string): Float64Array => {
    if (column === undefined) throw new Error(`audit: no column "${id}"`);
    return periodRows(column, period, unitCount);
  };
  const indicators = new Set(result.indicatorIds);
  return {
    period,
    unitCount,
    raw: (id) => slice(result.raw.values.get(id), id),
    normalised: (id) => slice(result.normalised.values.get(id), id),
    score: (id) => slice(result.scores.values.get(id), id),
    element: (id) =>
      indicators.has(id)
        ? slice(result.normalised.values.get(id), id)
        : slice(result.scores.values.get(id), id),
  };
}

/** The parent of every indicator and inner node (the root has none), from the weights' child lists. */
export function parentsOf(result: EngineResult): ReadonlyMap<string, string> {
  const parents = new Map<string, string>();
  for (const [node, { children }] of result.weights) for (const child of children) parents.set(child, node);
  return parents;
}
