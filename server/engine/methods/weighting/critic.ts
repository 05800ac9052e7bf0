/**
 * CRITIC weights (Diakoulaki et al. 1995): C_j = sd_j × Σ_k (1 - r_jk), with the sample sd of each
 * indicator's normalised values and Pearson correlations over the units where both are present;
 * weights are proportional to C_j: spread counts, and so does saying something the others do not.
 * An undefined correlation (a constant column) counts as 0.
 *
 * @example { "method": "critic" }
 * columns [0, 1, 2], [0, 1, 2] and [2, 0, 1]: the third, uncorrelated with the others, weighs most
 */
import { paramsSchema } from '../param-schemas.js';
import { pearson } from '../../numeric/correlation.js';
import { sampleSdOf } from '../../numeric/summary.js';
import type { WeightingMethod } from './contract.js';
import { dataDrivenWeights } from './data-driven.js';

export const critic: WeightingMethod<'critic'> = {
  name: 'critic',
  params: paramsSchema(),
  label: { zh: 'CRITIC 法', en: 'CRITIC' },
  explain: {
    zh: '差异大且与其他指标相关性低的指标权重更高。',
    en: 'Indicators that vary more and correlate less with the others weigh more.',
  },
  prepare: () => ({
    name: 'critic',
    params: {},
    needsNonNegative: false,
    run: (input) => dataDrivenWeights(input, 'critic', criticWeights),
  }),
};

export function criticWeights(columns: readonly Float64Array[]): Float64Array {
  return Float64Array.from(columns, (x, j) => {
    const sd = sampleSdOf(x);
    if (!(sd > 0)) return 0;
    let conflict = 0;
    for (let k = 0; k < columns.length; k++) {
      const r = k === j ? 1 : pearson(x, columns[k] ?? x);
      conflict += 1 - (r === r ? r : 0);
    }
    return sd * conflict;
  });
}
