/**
 * What an uncertainty analysis varies, read from untrusted JSON. Every problem is collected and thrown
 * at once as a ValidationError before any work. The factors:
 *
 * - `weights`: `{ "method": "uniform", "range": 0.25 }` multiplies each framework weight by
 *   1 + U(−range, +range), 0 ≤ range < 1; `{ "method": "dirichlet", "concentration": 50 }` draws each
 *   parent's child weights from Dirichlet(concentration × the framework's shares), whose mean is the
 *   framework's weights (larger concentration = less spread). `parents` limits either to some nodes.
 * - `imputation`, `treatment`, `normalisation`, `aggregation`: a list of method choices, one picked
 *   uniformly per replication; `"treatment": true` is short for "the framework's treatment or none".
 *
 * `replications` is the number of Monte Carlo runs; with `"sensitivity": true` it is the base sample
 * size N of a Saltelli design, which costs N × (factors + 2) runs.
 *
 * @example
 * readUncertaintySpec({ replications: 1000, seed: 7, weights: { method: 'uniform', range: 0.25 },
 *   aggregation: [{ method: 'arithmetic' }, { method: 'geometric' }] })
 */
import { ValidationError, type ProblemDetail } from '../../errors.js';
import { isMethodName, METHOD_NAMES } from '../method-names.js';
import { describe } from '../params.js';
import type { MethodChoice } from '../types.js';

export const DISCRETE_FACTORS = ['imputation', 'treatment', 'normalisation', 'aggregation'] as const;
export type DiscreteFactor = (typeof DISCRETE_FACTORS)[number];
export type FactorName = 'weights' | DiscreteFactor;

/** Every factor in a fixed order; the order also numbers each factor's random stream. */
export const FACTOR_ORDER: readonly FactorName[] = ['weights', ...DISCRETE_FACTORS];

export type WeightPerturbation =
  | { readonly method: 'uniform'; readonly range: number; readonly parents?: readonly string[] }
  | { readonly method: 'dirichlet'; readonly concentration: number; readonly parents?: readonly string[] };

export interface UncertaintySpec {
  readonly replications: number;
  readonly seed: number;
  readonly sensitivity: boolean;
  /** The share of runs in which a unit ranks in the top `top` is reported. */
  readonly top: number;
  readonly weights?: WeightPerturbation;
  readonly imputation?: readonly MethodChoice[];
  /** `true`: the base treatment or none. */
  readonly treatment?: readonly MethodChoice[] | true;
  readonly normalisation?: readonly MethodChoice[];
  readonly aggregation?: readonly MethodChoice[];
}

/** Runs cap: beyond this a single analysis is better split (memory holds runs × units ranks). */
export const MAX_REPLICATIONS = 1_000_000;

const KEYS = new Set(['replications', 'seed', 'sensitivity', 'top', 'weights', ...DISCRETE_FACTORS]);

export function readUncertaintySpec(value: unknown): UncertaintySpec {
  const problems: ProblemDetail[] = [];
  const problem = (where: string, message: string): void => {
    problems.push({ where: `uncertainty.${where}`, message });
  };
  if (!isRecord(value)) {
    throw new ValidationError('The uncertainty analysis needs an object of settings', [
      { where: 'uncertainty', message: `must be an object, found ${describe(value)}` },
    ]);
  }
  for (const key of Object.keys(value)) {
    if (!KEYS.has(key)) problem(key, `is not a setting; use ${[...KEYS].join(', ')}`);
  }
  const replications = value.replications;
  if (
    typeof replications !== 'number' ||
    !Number.isInteger(replications) ||
    replications < 1 ||
    replications > MAX_REPLICATIONS
  ) {
    problem(
      'replications',
      `must be a whole number from 1 to ${MAX_REPLICATIONS}, found ${describe(replications)}`,
    );
  }
  const seed = value.seed ?? 0;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    problem('seed', `must be a whole number, found ${describe(seed)}`);
  }
  const sensitivity = value.sensitivity ?? false;
  if (typeof sensitivity !== 'boolean')
    problem('sensitivity', `must be true or false, found ${describe(sensitivity)}`);
  else if (sensitivity && typeof replications === 'number' && replications < 2) {
    problem('replications', 'a sensitivity analysis needs a base sample of at least 2');
  }
  const top = value.top ?? 10;
  if (typeof top !== 'number' || !Number.isInteger(top) || top < 1) {
    problem('top', `must be a whole number ≥ 1, found ${describe(top)}`);
  }
  const weights = value.weights === undefined ? undefined : readWeights(value.weights, problem);
  const lists: Partial<Record<DiscreteFactor, readonly MethodChoice[]>> = {};
  let treatmentOnOff = false;
  for (const factor of DISCRETE_FACTORS) {
    const given = value[factor];
    if (given === undefined) continue;
    if (factor === 'treatment' && given === true) {
      treatmentOnOff = true;
      continue;
    }
    const list = readAlternatives(factor, given, problem);
    if (list !== undefined) lists[factor] = list;
  }
  if (value.weights === undefined && DISCRETE_FACTORS.every((factor) => value[factor] === undefined)) {
    problem(
      '',
      'varies nothing: give weights or a list of imputation, treatment, normalisation or aggregation methods',
    );
  }
  if (problems.length > 0) {
    const list = problems.map((p) => `${p.where ?? ''}: ${p.message}`).join('; ');
    throw new ValidationError(
      `The uncertainty analysis cannot run (${problems.length} problem(s)): ${list}`,
      problems,
    );
  }
  return {
    replications: replications as number,
    seed: seed as number,
    sensitivity: sensitivity as boolean,
    top: top as number,
    ...(weights === undefined ? {} : { weights }),
    ...lists,
    ...(treatmentOnOff ? { treatment: true as const } : {}),
  };
}

function readWeights(
  value: unknown,
  problem: (where: string, message: string) => void,
): WeightPerturbation | undefined {
  if (!isRecord(value)) {
    problem(
      'weights',
      `must be an object such as { "method": "uniform", "range": 0.25 }, found ${describe(value)}`,
    );
    return undefined;
  }
  const parents = readParents(value.parents, problem);
  const extra = Object.keys(value).filter(
    (key) => !['method', 'range', 'concentration', 'parents'].includes(key),
  );
  for (const key of extra) problem(`weights.${key}`, 'is not a setting of the weights factor');
  const withParents = parents === undefined ? {} : { parents };
  if (value.method === 'uniform') {
    const range = value.range;
    if (typeof range !== 'number' || !Number.isFinite(range) || range < 0 || range >= 1) {
      problem(
        'weights.range',
        `must be a relative range from 0 up to (not including) 1, e.g. 0.25 for ±25 %, found ${describe(range)}`,
      );
      return undefined;
    }
    if (value.concentration !== undefined)
      problem('weights.concentration', 'belongs to the dirichlet method');
    return { method: 'uniform', range, ...withParents };
  }
  if (value.method === 'dirichlet') {
    const concentration = value.concentration;
    if (typeof concentration !== 'number' || !Number.isFinite(concentration) || concentration <= 0) {
      problem(
        'weights.concentration',
        `must be a number > 0 (e.g. 50; larger means weights closer to the framework's), found ${describe(concentration)}`,
      );
      return undefined;
    }
    if (value.range !== undefined) problem('weights.range', 'belongs to the uniform method');
    return { method: 'dirichlet', concentration, ...withParents };
  }
  problem('weights.method', `must be "uniform" or "dirichlet", found ${describe(value.method)}`);
  return undefined;
}

function readParents(
  value: unknown,
  problem: (where: string, message: string) => void,
): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0 || !value.every((p) => typeof p === 'string' && p !== '')) {
    problem('weights.parents', `must be a non-empty list of node ids, found ${describe(value)}`);
    return undefined;
  }
  return value as string[];
}

function readAlternatives(
  factor: DiscreteFactor,
  value: unknown,
  problem: (where: string, message: string) => void,
): readonly MethodChoice[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    problem(
      factor,
      `must be a non-empty list of method choices, e.g. [{ "method": "${METHOD_NAMES[factor][0]}" }], found ${describe(value)}`,
    );
    return undefined;
  }
  const list: MethodChoice[] = [];
  value.forEach((item: unknown, i) => {
    if (!isRecord(item) || typeof item.method !== 'string') {
      problem(`${factor}[${i}]`, `must be an object with a "method", found ${describe(item)}`);
    } else if (!isMethodName(factor, item.method)) {
      problem(
        `${factor}[${i}].method`,
        `unknown method "${item.method}"; choose one of ${METHOD_NAMES[factor].join(', ')}`,
      );
    } else list.push({ ...item, method: item.method });
  });
  return list.length === value.length ? list : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
