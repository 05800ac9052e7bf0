/**
 * Pearson and Spearman correlations between every pair of normalised indicators of one period,
 * pairwise complete (COINr's get_corr on the normalised data with pval = 0). Each unordered pair
 * appears once, in the framework's indicator order.
 *
 * @example correlationPairs(['a', 'b'], view.normalised) // [{ a: 'a', b: 'b', pearson, spearman }]
 */
import { pearson } from '../numeric/correlation.js';
import { spearman } from './spearman.js';

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
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] ?? '';
      const b = ids[j] ?? '';
      const x = column(a);
      const y = column(b);
      pairs.push({ a, b, pearson: pearson(x, y), spearman: spearman(x, y) });
    }
  }
  return pairs;
}
