/**
 * Shared by the aggregations: the total weight of the children present in each row, column by column
 * (children outer, rows inner, which suits the column layout), so that each method can rescale the
 * weights over the children a unit actually has. Summed without depending on the children's order.
 *
 * @example presentWeightTotals([Float64Array.of(1, NaN)], Float64Array.of(2)) // Float64Array [2, 0]
 */
import { WeightedSums } from '../../numeric/weighted-sums.js';

export function presentWeightTotals(children: readonly Float64Array[], weights: Float64Array): Float64Array {
  const rows = children[0]?.length ?? 0;
  const sums = new WeightedSums(rows);
  children.forEach((column, j) => {
    const w = weights[j] ?? 0;
    for (let i = 0; i < rows; i++) if (column[i] === column[i]) sums.add(i, w, 1);
  });
  const totals = new Float64Array(rows);
  for (let i = 0; i < rows; i++) totals[i] = sums.value(i);
  return totals;
}
