/**
 * The satisfaction check of the tiny evaluation (tiny-context.ts): a share-satisfied survey of its
 * three communities in 2025 only (2024 not surveyed), and of its two streets (too few for a check).
 *
 *   unit  index 2025  share  95 % interval
 *   c1    72.5        0.80   0.70–0.88
 *   c2    45          0.50   0.40–0.60
 *   c3    65          0.60   0.55–0.65
 *
 * Index: mean x = 365/6, mean y = 19/30; dx = 35/3, −95/6, 25/6; dy = 1/6, −2/15, −1/30.
 * Sxy = 47/12, Sxx = 14550/36, Syy = 7/150; r = (47/12) / √(14550/36 × 7/150) = 0.90185…;
 * both orders are c2 < c3 < c1, so ρ = 1. Slope = Sxy / Sxx = 141/14550 = 0.0096907;
 * intercept = 19/30 − slope × 365/6 = 0.043814. Predicted c1 0.74639, c2 0.47990, c3 0.67371;
 * residuals +0.05361, +0.02010, −0.07371. c3's interval ends at 0.65 < 0.67371: wholly below (−1).
 */
import type { SatisfactionCell } from '../../server/engine/surveys/satisfaction-check.js';
import {
  satisfactionDocument,
  type SatisfactionDocument,
} from '../../server/evaluation/satisfaction-section.js';
import { TINY_REGISTER, tinyResults } from './tiny-context.js';

const share = (estimate: number, low: number, high: number, n = 40): SatisfactionCell => ({
  estimate,
  low,
  high,
  n,
});

export const TINY_SURVEY = new Map<string, ReadonlyMap<string, SatisfactionCell>>([
  [
    '2025',
    new Map([
      ['c1', share(0.8, 0.7, 0.88)],
      ['c2', share(0.5, 0.4, 0.6)],
      ['c3', share(0.6, 0.55, 0.65)],
      ['S1', share(0.6, 0.5, 0.7, 80)],
      ['S2', { missing: 'sample_too_small' }],
    ]),
  ],
]);

export function tinySatisfaction(): SatisfactionDocument | undefined {
  const doc = tinyResults();
  const levels = [
    {
      codes: doc.units,
      scores: new Map(Object.entries(doc.scores).map(([k, v]) => [k, v.map((c) => c ?? NaN)])),
    },
    ...(doc.rollup?.levels ?? []).map((l) => ({
      codes: l.codes,
      scores: new Map(Object.entries(l.scores).map(([k, v]) => [k, v.map((c) => c ?? NaN)])),
    })),
  ];
  return satisfactionDocument(
    {
      periodIds: doc.periods,
      nodes: ['a_dim', 'b_dim', 'index'],
      levels,
      levelOf: new Map(TINY_REGISTER.map((u) => [u.code, u.level])),
    },
    [{ indicator: 'satisfaction_share', statistic: 'share', cells: TINY_SURVEY }],
  );
}
