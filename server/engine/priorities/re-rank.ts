/**
 * Re-ranks the units of one level and period under an official's own priorities, without touching
 * what was published: the dimensions' stored scores (the root's children) are aggregated again with
 * the weights from the official's 0–5 ratings (rating-weights.ts), by the evaluation's own
 * aggregation method and parameters (the engine's method, prepared as the pipeline prepares it), and
 * ranked as the rank stage ranks the root (rank(-score, ties = "min"), SCORE_TIE_ULPS of slack).
 * Every unit of the level is ranked, so a unit's own rank is its rank among all units as published;
 * `within` limits only the units over which Spearman's ρ (own ranks against published ranks) is
 * taken, e.g. the units a scoped reader may see. The shift is published rank minus own rank, so a
 * positive shift is a move up (as in compare-rankings.ts).
 *
 * @example
 * reRank({ dimensions: ['a', 'b'], scores: [Float64Array.of(90, 60), Float64Array.of(50, 80)],
 *   ratings: [1, 3], aggregation: { method: 'arithmetic' }, publishedRanks: [1, 2], unitCodes: ['X', 'Y'], period: '2024' })
 * // scores [60, 75], ranks [2, 1], shifts [-1, 1]
 */
import { ValidationError } from '../../errors.js';
import { spearman } from '../audit/spearman.js';
import { aggregationMethods } from '../methods/aggregation/index.js';
import { ranksTiesMin, SCORE_TIE_ULPS } from '../numeric/rank.js';
import { ParamReader } from '../params.js';
import type { EngineInput, MethodChoice } from '../types.js';
import { ratingWeights } from './rating-weights.js';

export interface OwnPrioritiesInput {
  /** The root's children, in the order of `scores` and `ratings`. */
  readonly dimensions: readonly string[];
  /** Per dimension, the stored score of every unit of the level in the period (NaN = missing). */
  readonly scores: readonly Float64Array[];
  /** Per dimension, a whole number 0–5. */
  readonly ratings: readonly number[];
  /** The evaluation's aggregation as its results resolved it ({ method, …params }). */
  readonly aggregation: MethodChoice;
  /** Per unit, the published rank of the root (0 or NaN = unranked). */
  readonly publishedRanks: ArrayLike<number>;
  readonly unitCodes: readonly string[];
  readonly root?: string;
  readonly period: string;
  /** Per unit, 1 when it counts for ρ; every unit when absent. */
  readonly within?: Uint8Array;
}

export interface OwnPrioritiesResult {
  /** The weights from the ratings, summing to 1, in the order of the dimensions. */
  readonly weights: Float64Array;
  /** Per unit, the score under the own weights (NaN = missing). */
  readonly scores: Float64Array;
  /** Per unit, the rank under the own weights among all units (0 = unranked). */
  readonly ranks: Uint32Array;
  /** Per unit, published rank minus own rank (positive = moved up); NaN unless ranked both ways. */
  readonly shifts: Float64Array;
  /** Spearman's ρ of own against published ranks over the units `within` ranked both ways (NaN below two). */
  readonly rho: number;
  /** How many units ρ is taken over. */
  readonly compared: number;
}

export function reRank(input: OwnPrioritiesInput): OwnPrioritiesResult {
  const weights = ratingWeights(input.dimensions, input.ratings);
  const count = input.unitCodes.length;
  const aggregation = preparedAggregation(input);
  const scores = new Float64Array(count);
  const reasons = new Uint8Array(count);
  aggregation.run(input.scores, weights, scores, reasons, {
    node: input.root ?? 'index',
    children: input.dimensions,
    period: input.period,
    unitCode: (row) => input.unitCodes[row] ?? '?',
  });
  const ranks = ranksTiesMin(scores, 'descending', SCORE_TIE_ULPS);
  const shifts = new Float64Array(count).fill(Number.NaN);
  const own = new Float64Array(count).fill(Number.NaN);
  const published = new Float64Array(count).fill(Number.NaN);
  let compared = 0;
  for (let unit = 0; unit < count; unit++) {
    const before = input.publishedRanks[unit] ?? 0;
    const after = ranks[unit] ?? 0;
    if (!(before > 0) || after === 0) continue;
    shifts[unit] = before - after;
    if (input.within !== undefined && input.within[unit] !== 1) continue;
    own[unit] = after;
    published[unit] = before;
    compared++;
  }
  return { weights, scores, ranks, shifts, rho: spearman(published, own), compared };
}

/** The evaluation's aggregation method with its stored parameters, refused when unknown or malformed. */
function preparedAggregation(input: OwnPrioritiesInput) {
  const name = input.aggregation.method;
  const method = Object.hasOwn(aggregationMethods, name)
    ? aggregationMethods[name as keyof typeof aggregationMethods]
    : undefined;
  if (method === undefined)
    throw new ValidationError(`unknown aggregation method ${JSON.stringify(name)}`, [
      { where: 'methods.aggregation.method', message: `found ${JSON.stringify(name)}` },
    ]);
  const reader = new ParamReader(input.aggregation, 'methods.aggregation');
  const prepared = method.prepare(reader, dimensionInput(input));
  const problems = reader.finish();
  if (problems.length > 0) throw new ValidationError('the stored aggregation cannot be replayed', problems);
  return prepared;
}

/** The shape the method may check its parameters against: the units and the dimensions under the root. */
function dimensionInput(input: OwnPrioritiesInput): EngineInput {
  return {
    units: { codes: input.unitCodes },
    periods: [{ id: input.period, variables: new Map() }],
    tree: {
      root: input.root ?? 'index',
      nodes: input.dimensions.map((id) => ({ id, weight: 1 })),
      indicators: [],
    },
  };
}
