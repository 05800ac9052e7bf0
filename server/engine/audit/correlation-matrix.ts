/**
 * Pearson and Spearman correlations between every pair of normalised indicators of one period,
 * pairwise complete (COINr's get_corr on the normalised data with pval = 0). Each unordered pair
 * appears once, in the framework's indicator order.
 *
 * @example correlationPairs(['a', 'b'], view.normalised) // [{ a: 'a', b: 'b', pearson, spearman }]
 */
import { pearson } from '../numeric/correlation.js';
import { ordered, spearmanOrdered } from './spearman.js';

export interface CorrelationPair {
  readonly a: string;
  readonly b: string;
  readonly pearson: number;
  readonly spearman: number;
}

export function correlationPairs(
  ids: readonly string[],
  column: (id: string) => Float64Array,
): CorrelationPair[] {
  const pairs: CorrelationPair[] = [];
  const columns = ids.map((id) => ordered(column(id)));
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const x = columns[i];
      const y = columns[j];
      if (x === undefined || y === undefined) continue;
      pairs.push({
        a: ids[i] ?? '',
        b: ids[j] ?? '',
        pearson: pearson(x.values, y.values),
        spearman: spearmanOrdered(x, y),
      });
    }
  }
  return pairs;
}
