/**
 * One survey estimate from a set of answers with their design weights (1 each when the file has
 * none): the estimate, its 95 % interval, the number of respondents n and Kish's effective sample
 * size n_eff = (Σw)² / Σw² (equal to n when every weight is equal). Fewer than `minSample`
 * respondents: no estimate, reason sample_too_small (n and n_eff are still given).
 * - share_at_least L: p̂ = Σw·[x ≥ L] / Σw, Wilson's score interval with n_eff;
 * - mean: x̄ = Σw·x / Σw, SE² = Σw²(x − x̄)² / (Σw)² (with-replacement approximation), x̄ ± 1.96·SE.
 *
 * @example estimateSurvey({ values: [4, 5, 2], weights: [1, 1, 1] }, { share_at_least: 4 }, 1).estimate === 2 / 3
 */
import type { MissingReason } from '../missing-reasons.js';
import { wilsonInterval, Z_95 } from './wilson-interval.js';

/** What is estimated: the share answering at least a level, or the mean answer. */
export type SurveyStatistic = 'mean' | { readonly share_at_least: number };

type Numbers = ArrayLike<number> & Iterable<number>;

export interface SurveyAnswers {
  readonly values: Numbers;
  /** One per value, each > 0. */
  readonly weights: Numbers;
}

export interface SurveyEstimate {
  /** Null when missing. */
  readonly estimate: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly n: number;
  /** Kish's effective sample size; 0 without respondents. */
  readonly nEffective: number;
  readonly missing: Extract<MissingReason, 'sample_too_small'> | null;
}

function sums(answers: SurveyAnswers): { sw: number; sw2: number } {
  let sw = 0;
  let sw2 = 0;
  for (const w of answers.weights) {
    sw += w;
    sw2 += w * w;
  }
  return { sw, sw2 };
}

function share(answers: SurveyAnswers, level: number, sw: number): number {
  let hits = 0;
  for (let i = 0; i < answers.values.length; i += 1) {
    if ((answers.values[i] ?? Number.NaN) >= level) hits += answers.weights[i] ?? 0;
  }
  return hits / sw;
}

function meanWithSe(answers: SurveyAnswers, sw: number): { mean: number; se: number } {
  let total = 0;
  for (let i = 0; i < answers.values.length; i += 1)
    total += (answers.weights[i] ?? 0) * (answers.values[i] ?? 0);
  const mean = total / sw;
  let spread = 0;
  for (let i = 0; i < answers.values.length; i += 1) {
    const w = answers.weights[i] ?? 0;
    const d = (answers.values[i] ?? 0) - mean;
    spread += w * w * d * d;
  }
  return { mean, se: Math.sqrt(spread) / sw };
}

export function estimateSurvey(
  answers: SurveyAnswers,
  statistic: SurveyStatistic,
  minSample: number,
): SurveyEstimate {
  const n = answers.values.length;
  const { sw, sw2 } = sums(answers);
  const nEffective = n === 0 ? 0 : (sw * sw) / sw2;
  if (n === 0 || n < minSample) {
    return { estimate: null, low: null, high: null, n, nEffective, missing: 'sample_too_small' };
  }
  if (statistic === 'mean') {
    const { mean, se } = meanWithSe(answers, sw);
    return { estimate: mean, low: mean - Z_95 * se, high: mean + Z_95 * se, n, nEffective, missing: null };
  }
  const p = share(answers, statistic.share_at_least, sw);
  const { low, high } = wilsonInterval(p, nEffective);
  return { estimate: p, low, high, n, nEffective, missing: null };
}
