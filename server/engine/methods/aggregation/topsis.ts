/**
 * TOPSIS closeness (Hwang & Yoon): per period, the ideal of each child is its best (largest) value and
 * the anti-ideal its worst; with w the weights of the children present rescaled to sum to 1,
 * d+ = sqrt(Σ (w_j (x_j - best_j))²), d- = sqrt(Σ (w_j (x_j - worst_j))²), and the score is
 * d- / (d+ + d-), between 0 (the worst on every child) and 1 (the best on every child). The children
 * are already normalised, so no vector normalisation is applied. When no child has any spread the
 * closeness is undefined (no_variation).
 *
 * @example { "method": "topsis" }
 * two units, children [0, 10] and [10, 0], equal weights: both score 0.5
 */
import { paramsSchema } from '../param-schemas.js';
import { MissingCode } from '../../missing-reasons.js';
import { maxOf, minOf } from '../../numeric/summary.js';
import type { AggregationMethod } from './contract.js';
import { presentWeightTotals } from './present-weights.js';

export const topsis: AggregationMethod<'topsis'> = {
  name: 'topsis',
  params: paramsSchema(),
  label: { zh: 'TOPSIS 贴近度', en: 'TOPSIS closeness' },
  explain: {
    zh: '以与最优解和最劣解的相对距离计分。',
    en: 'Scores how close a unit is to the best and how far from the worst.',
  },
  prepare: () => ({
    name: 'topsis',
    params: {},
    needsPositive: false,
    run: (children, weights, output, reasons) => {
      const totals = presentWeightTotals(children, weights);
      const toBest = new Float64Array(output.length);
      const toWorst = new Float64Array(output.length);
      children.forEach((column, j) => {
        const best = maxOf(column);
        const worst = minOf(column);
        const w = weights[j] ?? 0;
        column.forEach((x, i) => {
          if (x !== x) return;
          const share = w / (totals[i] ?? 0);
          toBest[i] = (toBest[i] ?? 0) + (share * (x - best)) ** 2;
          toWorst[i] = (toWorst[i] ?? 0) + (share * (x - worst)) ** 2;
        });
      });
      totals.forEach((total, i) => {
        const dBest = Math.sqrt(toBest[i] ?? 0);
        const dWorst = Math.sqrt(toWorst[i] ?? 0);
        if (!(total > 0)) {
          output[i] = Number.NaN;
        } else if (dBest + dWorst === 0) {
          output[i] = Number.NaN;
          reasons[i] = MissingCode.NoVariation;
        } else {
          output[i] = dWorst / (dBest + dWorst);
        }
      });
    },
  }),
};
