/**
 * Each element's Pearson correlation with its parent (pairwise complete): an indicator's normalised
 * values against its dimension's score, a node's score against its parent's score, as COINr's
 * get_corr(withparent = TRUE) on the aggregated data. A weak correlation says the element hardly
 * shows in its parent; a near-perfect one that its siblings add little.
 *
 * @example parentCorrelations(['x', 'dim'], parents, view.element) // [{ element: 'x', parent: 'dim', r }, …]
 */
import { pearson } from '../numeric/correlation.js';

export interface ParentCorrelation {
  readonly element: string;
  readonly parent: string;
  readonly r: number;
}

export function parentCorrelations(
  elements: readonly string[],
  parents: ReadonlyMap<string, string>,
  column: (id: string) => Float64Array,
): ParentCorrelation[] {
  const out: ParentCorrelation[] = [];
  for (const element of elements) {
    const parent = parents.get(element);
    if (parent === undefined) continue;
    out.push({ element, parent, r: pearson(column(element), column(parent)) });
  }
  return out;
}
