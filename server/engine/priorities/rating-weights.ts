/**
 * An official's own priorities as weights (the OECD Better Life Index's "rate each topic 0–5"): one
 * whole-number rating from 0 (ignore) to 5 (most important) per dimension, turned into weights that
 * sum to 1 (rating / sum of ratings). Ratings that are not whole numbers in 0–5 are refused naming
 * the dimension's field (`w.<dimension>`); all zero is refused, as nothing would be left to rank by.
 * The form's starting ratings come from the published weights: the heaviest dimension is rated 5 and
 * the others in proportion, rounded (equal weights → all 5).
 *
 * @example ratingWeights(['a', 'b'], [3, 1]) // Float64Array [0.75, 0.25]
 * @example defaultRatings([0.4, 0.4, 0.2]) // [5, 5, 3]
 */
import { ValidationError, type ProblemDetail } from '../../errors.js';

export const MAX_RATING = 5;

/** The form field of a dimension's rating. */
export function ratingField(dimension: string): string {
  return `w.${dimension}`;
}

export function ratingWeights(dimensions: readonly string[], ratings: readonly number[]): Float64Array {
  const problems: ProblemDetail[] = [];
  dimensions.forEach((dimension, i) => {
    const rating = ratings[i];
    if (rating === undefined || !Number.isInteger(rating) || rating < 0 || rating > MAX_RATING) {
      problems.push({
        where: ratingField(dimension),
        message: `must be a whole number from 0 to ${MAX_RATING}, found ${String(rating)}`,
        zh: `须为 0 到 ${MAX_RATING} 的整数，实为 ${String(rating)}`,
      });
    }
  });
  if (ratings.length !== dimensions.length) {
    problems.push({
      where: 'ratings',
      message: `one rating per dimension: ${dimensions.length} dimensions, ${ratings.length} ratings`,
    });
  }
  if (problems.length > 0)
    throw new ValidationError(
      { zh: '侧重评分须为 0 到 5 的整数', en: 'each priority rating must be a whole number from 0 to 5' },
      problems,
    );
  const total = ratings.reduce((sum, rating) => sum + rating, 0);
  if (total === 0)
    throw new ValidationError(
      {
        zh: '至少给一个维度大于 0 的侧重评分，否则无从排名',
        en: 'rate at least one dimension above 0: with every rating at 0 there is nothing to rank by',
      },
      dimensions.map((dimension) => ({ where: ratingField(dimension), message: 'is 0', zh: '为 0' })),
    );
  return Float64Array.from(ratings, (rating) => rating / total);
}

/** Ratings 0–5 in proportion to the published weights, the heaviest at 5; all 5 without a positive weight. */
export function defaultRatings(weights: readonly number[]): number[] {
  const heaviest = Math.max(0, ...weights.filter((w) => Number.isFinite(w)));
  if (!(heaviest > 0)) return weights.map(() => MAX_RATING);
  return weights.map((w) => (Number.isFinite(w) && w > 0 ? Math.round((MAX_RATING * w) / heaviest) : 0));
}
