/**
 * COINr's check_SkewKurt: a column passes when |skewness| < skew OR kurtosis < kurtosis threshold
 * (e1071 type-2 estimators, missing values removed). `null` means the test cannot be made (fewer than
 * four values, or no spread), which COINr reports as NA and treats as "leave untreated".
 *
 * @example checkSkewKurt(Float64Array.of(1, 2, 3, 4, 5), 2, 3.5).pass === true
 */
import { skewAndKurtosis } from '../../numeric/skew-kurtosis.js';

export interface SkewKurtCheck {
  readonly pass: boolean | null;
  readonly skew: number;
  readonly kurt: number;
}

export function checkSkewKurt(x: Float64Array, skewThreshold: number, kurtThreshold: number): SkewKurtCheck {
  const { skew, kurt } = skewAndKurtosis(x);
  if (Number.isNaN(skew) || Number.isNaN(kurt)) return { pass: null, skew, kurt };
  return { pass: Math.abs(skew) < skewThreshold || kurt < kurtThreshold, skew, kurt };
}
