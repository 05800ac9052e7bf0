/**
 * The straight line of residents' satisfaction on a score across units (ordinary least squares with
 * one predictor) and each unit's distance from it: predicted = intercept + slope × score, residual =
 * satisfaction − predicted, standardised = residual ÷ the residual standard error √(SSE / (n − 2)).
 * Null when fewer than three units (two points always lie on a line) or the scores or the
 * satisfaction do not vary.
 *
 * @example
 * satisfactionFit([10, 20, 30, 40, 50], [60, 70, 65, 90, 80])
 * // { intercept: 55, slope: 0.6, residualSe: √(220 / 3) ≈ 8.564, … }
 */

export interface SatisfactionFit {
  readonly intercept: number;
  readonly slope: number;
  readonly residualSe: number;
  readonly predicted: readonly number[];
  readonly residual: readonly number[];
  readonly standardised: readonly number[];
}

/** Fewer units than this give no correlation, line or disagreement. */
export const MIN_UNITS = 3;

export function satisfactionFit(
  scores: readonly number[],
  satisfaction: readonly number[],
): SatisfactionFit | null {
  const n = scores.length;
  if (n < MIN_UNITS || satisfaction.length !== n) return null;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += scores[i] ?? 0;
    sy += satisfaction[i] ?? 0;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (scores[i] ?? 0) - mx;
    const dy = (satisfaction[i] ?? 0) - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const predicted = scores.map((x) => intercept + slope * x);
  const residual = satisfaction.map((y, i) => y - (predicted[i] ?? 0));
  const sse = residual.reduce((sum, e) => sum + e * e, 0);
  const residualSe = Math.sqrt(sse / (n - 2));
  // A perfect line leaves no spread to standardise by: every unit sits on it.
  const standardised = residual.map((e) => (residualSe > 0 ? e / residualSe : 0));
  return { intercept, slope, residualSe, predicted, residual, standardised };
}
