/**
 * Method choices: checks every stage's choice against the method vocabulary and each method's
 * parameters, fills in the defaults, cross-checks the stages (a geometric mean after a normalisation
 * that produces zeros, goalposts every indicator must have …), and records every problem. The result
 * holds the prepared methods and the resolved choices as JSON, which replay the run exactly.
 *
 * @example
 * prepareChoices(input, { normalisation: { method: 'zscore' } }, problems).resolved.normalisation
 * // { method: 'zscore', mean: 0, sd: 1 }
 */
import type { ProblemDetail } from '../errors.js';
import type { LogValue } from './log.js';
import { METHOD_NAMES, type Stage } from './method-names.js';
import type { MethodDefinition, PreparedMethod } from './methods/method.js';
import type { PreparedAggregation } from './methods/aggregation/contract.js';
import { aggregationMethods } from './methods/aggregation/index.js';
import type { PreparedImputation } from './methods/imputation/contract.js';
import { imputationMethods } from './methods/imputation/index.js';
import type { PreparedNormalisation } from './methods/normalisation/contract.js';
import { normalisationMethods } from './methods/normalisation/index.js';
import type { PreparedPeriods } from './methods/periods/contract.js';
import { periodsMethods } from './methods/periods/index.js';
import type { PreparedScreening } from './methods/screening/contract.js';
import { screeningMethods } from './methods/screening/index.js';
import type { PreparedTreatment } from './methods/treatment/contract.js';
import { treatmentMethods } from './methods/treatment/index.js';
import type { PreparedWeighting } from './methods/weighting/contract.js';
import { weightingMethods } from './methods/weighting/index.js';
import { describe, ParamReader } from './params.js';
import type { EngineInput, MethodChoice, MethodChoices } from './types.js';

/** The stages the pipeline runs, in the order their choices are checked. */
export type PipelineStage = Exclude<Stage, 'rollup'>;

/** DESIGN.md's defaults. */
export const DEFAULT_CHOICES: Readonly<Record<PipelineStage, MethodChoice>> = {
  imputation: { method: 'none' },
  screening: { method: 'by_availability', threshold: 0.66, action: 'flag' },
  treatment: { method: 'winsorise_log', skew: 2, kurtosis: 3.5, winmax: 5 },
  normalisation: { method: 'minmax', range: [0, 100] },
  weighting: { method: 'framework' },
  aggregation: { method: 'arithmetic' },
  periods: { method: 'per_period' },
};

export type ResolvedChoice = Readonly<Record<string, LogValue>> & { readonly method: string };

export interface ResolvedChoices {
  readonly imputation: ResolvedChoice;
  readonly screening: ResolvedChoice;
  readonly treatment: ResolvedChoice;
  readonly normalisation: ResolvedChoice;
  readonly weighting: ResolvedChoice;
  readonly aggregation: ResolvedChoice;
  readonly periods: ResolvedChoice;
  readonly seed: number;
  readonly rankIndicators: boolean;
}

export interface PreparedChoices {
  readonly imputation: PreparedImputation;
  readonly screening: PreparedScreening;
  readonly treatment: PreparedTreatment;
  readonly normalisation: PreparedNormalisation;
  readonly weighting: PreparedWeighting;
  readonly aggregation: PreparedAggregation;
  readonly periods: PreparedPeriods;
  readonly seed: number;
  readonly rankIndicators: boolean;
  readonly resolved: ResolvedChoices;
}

export function prepareChoices(
  input: EngineInput,
  choices: MethodChoices,
  problems: ProblemDetail[],
): PreparedChoices {
  const prepare = <P extends PreparedMethod<unknown>>(
    stage: PipelineStage,
    methods: Readonly<Record<string, MethodDefinition<string, P>>>,
  ): P => prepareStage(stage, methods, choices[stage], input, problems);

  const imputation = prepare('imputation', imputationMethods);
  const screening = prepare('screening', screeningMethods);
  const treatment = prepare('treatment', treatmentMethods);
  const normalisation = prepare('normalisation', normalisationMethods);
  const weighting = prepare('weighting', weightingMethods);
  const aggregation = prepare('aggregation', aggregationMethods);
  const periods = prepare('periods', periodsMethods);
  const seed = readSeed(choices.seed, problems);
  const rankIndicators = choices.rankIndicators ?? false;

  crossCheck(input, normalisation, weighting, aggregation, problems);
  const resolve = (p: PreparedMethod<unknown>): ResolvedChoice => ({ method: p.name, ...p.params });
  return {
    imputation,
    screening,
    treatment,
    normalisation,
    weighting,
    aggregation,
    periods,
    seed,
    rankIndicators,
    resolved: {
      imputation: resolve(imputation),
      screening: resolve(screening),
      treatment: resolve(treatment),
      normalisation: resolve(normalisation),
      weighting: resolve(weighting),
      aggregation: resolve(aggregation),
      periods: resolve(periods),
      seed,
      rankIndicators,
    },
  };
}

function prepareStage<P>(
  stage: PipelineStage,
  methods: Readonly<Record<string, MethodDefinition<string, P>>>,
  given: MethodChoice | undefined,
  input: EngineInput,
  problems: ProblemDetail[],
): P {
  const where = `methods.${stage}`;
  const fallback = DEFAULT_CHOICES[stage];
  let choice = given ?? fallback;
  let method = Object.hasOwn(methods, choice.method) ? methods[choice.method] : undefined;
  if (method === undefined) {
    problems.push({
      where: `${where}.method`,
      message: `unknown method ${describe(choice.method)}; choose one of ${METHOD_NAMES[stage].join(', ')}`,
    });
    choice = fallback;
    method = methods[fallback.method];
  }
  if (method === undefined) throw new Error(`engine: no default method for ${stage}`);
  const reader = new ParamReader(choice, where);
  const prepared = method.prepare(reader, input);
  problems.push(...reader.finish());
  return prepared;
}

function readSeed(seed: unknown, problems: ProblemDetail[]): number {
  if (seed === undefined) return 0;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    problems.push({ where: 'seed', message: `must be a whole number, found ${describe(seed)}` });
    return 0;
  }
  return seed;
}

/** Checks that need two stages at once, so that a doomed run is refused before any work. */
function crossCheck(
  input: EngineInput,
  normalisation: PreparedNormalisation,
  weighting: PreparedWeighting,
  aggregation: PreparedAggregation,
  problems: ProblemDetail[],
): void {
  const normalised = `${normalisation.name}${normalisationRange(normalisation)}`;
  if (aggregation.needsPositive && normalisation.lowest !== undefined && normalisation.lowest <= 0) {
    problems.push({
      where: 'methods.aggregation',
      message:
        `the ${aggregation.name} mean needs values above zero, but ${normalised} gives ${
          Number.isFinite(normalisation.lowest) ? normalisation.lowest : 'negative values'
        } to the worst units: ` +
        'normalise onto a range above zero (e.g. minmax with range [1, 100]) or aggregate arithmetically',
    });
  }
  if (weighting.needsNonNegative && normalisation.lowest !== undefined && normalisation.lowest < 0) {
    problems.push({
      where: 'methods.weighting',
      message: `${weighting.name} weights need non-negative values, but ${normalised} gives negative ones: choose minmax, rank or percentile_rank`,
    });
  }
  if (normalisation.needs === 'goalposts') {
    for (const indicator of input.tree.indicators) {
      if (indicator.goalposts === undefined) {
        problems.push({
          where: `tree.indicators.${indicator.id}.goalposts`,
          message: `${normalisation.name} normalisation needs a floor and a target for every indicator; add them or choose another normalisation`,
        });
      }
    }
  }
}

function normalisationRange(normalisation: PreparedNormalisation): string {
  const range = normalisation.params.range;
  return Array.isArray(range) ? ` with range [${range.join(', ')}]` : '';
}
