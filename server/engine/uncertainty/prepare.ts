/**
 * Everything an uncertainty analysis settles before the first replication: reads the settings, runs
 * the nominal (base) evaluation, checks every factor against the framework and every combination of
 * alternatives against the pipeline's own rules (so that no replication fails half-way), draws the
 * design, runs the upstream stages once per imputation × treatment combination (payload.ts) and the
 * normalisation once per combination the records use (combinations.ts), both on shared memory that
 * the worker threads read without a copy.
 * Problems are thrown together as one ValidationError.
 *
 * @example
 * const prepared = prepareUncertainty(input, {}, { replications: 200, seed: 1, weights: { method: 'uniform', range: 0.2 } });
 * prepared.records.length // 200
 */
import { ValidationError, type ProblemDetail } from '../../errors.js';
import { DEFAULT_CHOICES, prepareChoices, type ResolvedChoices } from '../choices.js';
import { runPipeline } from '../pipeline.js';
import type { EngineState } from '../state.js';
import type { ColumnSet, EngineInput, MethodChoice, MethodChoices } from '../types.js';
import {
  computedState,
  shareCombinations,
  sharedColumns,
  stateAfterTreatment,
  treatedOf,
} from './combinations.js';
import { designRecords, type FactorSetup } from './design.js';
import { DEFAULT_ROLLUP, levelRanker } from './level-ranks.js';
import { indicatorShape, type ReplicationPayload } from './payload.js';
import type { ReplicationRecord } from './record.js';
import {
  DISCRETE_FACTORS,
  FACTOR_ORDER,
  readUncertaintySpec,
  type DiscreteFactor,
  type UncertaintySpec,
} from './spec.js';
import { weightGroups } from './weights.js';

/** The rank matrices (runs × unit-periods of every level, 4 bytes each) may not exceed 1 GiB. */
export const MAX_RANK_CELLS = 2 ** 28;

/** Above this many combinations of alternatives, each alternative is checked alone with the base. */
const MAX_CHECKED_COMBINATIONS = 1024;

export interface NominalRun {
  readonly unitCodes: readonly string[];
  readonly periodIds: readonly string[];
  readonly unitCount: number;
  readonly rowCount: number;
  readonly root: string;
  /** The base run's ranks of the root, per row. */
  readonly ranks: Uint32Array;
  readonly choices: ResolvedChoices;
  /** The levels above the units that each run ranks (empty when the roll-up does not follow the scores). */
  readonly levels: readonly NominalLevel[];
  /** The base run's ranks of every level, level after level (each level's rows at its `offset`). */
  readonly levelRanks: Uint32Array;
  readonly levelRowCount: number;
}

export interface NominalLevel {
  /** 1 = the parents of the scored units, 2 = their parents, … (as in rollUp()). */
  readonly level: number;
  readonly codes: readonly string[];
  readonly offset: number;
}

export interface PreparedUncertainty {
  readonly spec: UncertaintySpec;
  readonly setup: FactorSetup;
  readonly records: readonly ReplicationRecord[];
  readonly payload: ReplicationPayload;
  readonly nominal: NominalRun;
}

export function prepareUncertainty(
  input: EngineInput,
  base: MethodChoices,
  settings: unknown,
): PreparedUncertainty {
  const spec = readUncertaintySpec(settings);
  const nominalResult = runPipeline(input, base);
  const resolved = nominalResult.choices;
  const baseChoices: MethodChoices = { ...resolved };
  const problems: ProblemDetail[] = [];

  const alternatives = alternativesOf(spec, resolved);
  let weights: FactorSetup['weights'];
  if (spec.weights !== undefined) {
    if (resolved.weighting.method !== 'framework') {
      problems.push({
        where: 'uncertainty.weights',
        message: `perturbs the framework's weights, but the base run weighs by "${resolved.weighting.method}": choose weighting "framework" or drop the weights factor`,
      });
    }
    const overrides = numberMap(resolved.weighting.weights);
    const groups = weightGroups(input.tree, overrides, spec.weights.parents, problems);
    weights = { perturbation: spec.weights, groups };
  }
  const factors = FACTOR_ORDER.filter((f) => (f === 'weights' ? weights !== undefined : f in alternatives));
  const setup: FactorSetup = { factors, alternatives, ...(weights === undefined ? {} : { weights }) };
  checkCombinations(input, baseChoices, setup, problems);

  const rollup = base.rollup ?? DEFAULT_ROLLUP;
  const ranker = levelRanker(input.units, nominalResult.periodIds.length, rollup);
  const rankedRows = nominalResult.rowCount + (ranker?.rowCount ?? 0);
  const runs = spec.replications * (spec.sensitivity ? factors.length + 2 : 1);
  if (runs * rankedRows > MAX_RANK_CELLS) {
    problems.push({
      where: 'uncertainty.replications',
      message: `${runs} runs × ${rankedRows} unit-periods is more ranks than one analysis keeps (${MAX_RANK_CELLS}): use fewer replications`,
    });
  }
  if (problems.length > 0) {
    const list = problems.map((p) => `${p.where ?? ''}: ${p.message}`).join('; ');
    throw new ValidationError(
      `The uncertainty analysis cannot run (${problems.length} problem(s)): ${list}`,
      problems,
    );
  }

  const records = designRecords(setup, spec.seed, spec.replications, spec.sensitivity);
  const imputations = alternatives.imputation ?? [resolved.imputation];
  const treatments = alternatives.treatment ?? [resolved.treatment];
  const upstream: ColumnSet[] = [];
  const treated = new Map<number, EngineState>();
  const same = alternatives.imputation === undefined && alternatives.treatment === undefined;
  const computed = same ? undefined : computedState(input, baseChoices);
  for (const imputation of imputations) {
    for (const treatment of treatments) {
      if (same) {
        upstream.push(sharedColumns(nominalResult.treated));
        continue;
      }
      const state = stateAfterTreatment(input, { ...baseChoices, imputation, treatment }, computed);
      treated.set(upstream.length, state);
      upstream.push(sharedColumns(treatedOf(state)));
    }
  }
  const payload: ReplicationPayload = {
    units: input.units,
    periodIds: nominalResult.periodIds,
    root: input.tree.root,
    nodes: input.tree.nodes,
    indicators: input.tree.indicators.map(indicatorShape),
    base: baseChoices,
    rollup: plainChoice(rollup),
    upstream,
    treatmentCount: treatments.length,
    ...(input.targetOverrides === undefined ? {} : { targetOverrides: input.targetOverrides }),
  };
  return {
    spec,
    setup,
    records,
    nominal: {
      unitCodes: nominalResult.unitCodes,
      periodIds: nominalResult.periodIds,
      unitCount: nominalResult.unitCount,
      rowCount: nominalResult.rowCount,
      root: nominalResult.root,
      ranks: nominalResult.ranks.get(nominalResult.root) ?? new Uint32Array(nominalResult.rowCount),
      choices: resolved,
      levels:
        ranker?.levels.map((level, k) => ({
          level: k + 1,
          codes: level.codes,
          offset: ranker.levelOffsets[k] ?? 0,
        })) ?? [],
      levelRanks: ranker?.ranks(rootScores(nominalResult)) ?? new Uint32Array(0),
      levelRowCount: ranker?.rowCount ?? 0,
    },
    payload: { ...payload, combinations: shareCombinations(payload, records, input, treated) },
  };
}

/** The alternatives of each discrete factor that varies; `treatment: true` becomes base-or-none. */
function alternativesOf(
  spec: UncertaintySpec,
  resolved: ResolvedChoices,
): Partial<Record<DiscreteFactor, readonly MethodChoice[]>> {
  const out: Partial<Record<DiscreteFactor, readonly MethodChoice[]>> = {};
  for (const factor of DISCRETE_FACTORS) {
    const given = spec[factor];
    if (given === undefined) continue;
    if (given === true) {
      const on = resolved.treatment.method === 'none' ? DEFAULT_CHOICES.treatment : resolved.treatment;
      out[factor] = [on, { method: 'none' }];
    } else out[factor] = given;
  }
  return out;
}

/** Checks every combination of alternatives (or each alone when there are too many) with the base. */
function checkCombinations(
  input: EngineInput,
  base: MethodChoices,
  setup: FactorSetup,
  problems: ProblemDetail[],
): void {
  const varied = DISCRETE_FACTORS.filter((f) => setup.alternatives[f] !== undefined);
  const counts = varied.map((f) => setup.alternatives[f]?.length ?? 1);
  const total = counts.reduce((product, n) => product * n, 1);
  const weighting: MethodChoices =
    setup.weights === undefined
      ? {}
      : {
          weighting: {
            method: 'framework',
            weights: Object.fromEntries(
              setup.weights.groups.flatMap((g) => g.children.map((child, j) => [child, g.weights[j] ?? 0])),
            ),
          },
        };
  const combinations: (readonly [DiscreteFactor, number][])[] =
    total <= MAX_CHECKED_COMBINATIONS
      ? Array.from({ length: total }, (_, c) => {
          let rest = c;
          return varied.map((f, k): [DiscreteFactor, number] => {
            const n = counts[k] ?? 1;
            const pick = rest % n;
            rest = Math.floor(rest / n);
            return [f, pick];
          });
        })
      : varied.flatMap((f, k) =>
          Array.from({ length: counts[k] ?? 1 }, (_, i) => [[f, i] as [DiscreteFactor, number]]),
        );
  const seen = new Set<string>();
  for (const combination of combinations) {
    const picked: Partial<Record<DiscreteFactor, MethodChoice>> = {};
    for (const [factor, pick] of combination) {
      const choice = setup.alternatives[factor]?.[pick];
      if (choice !== undefined) picked[factor] = choice;
    }
    const choices: MethodChoices = { ...base, ...weighting, ...picked };
    const found: ProblemDetail[] = [];
    prepareChoices(input, choices, found);
    const label = combination.map(([f, pick]) => `${f}[${pick}]`).join(' + ');
    for (const p of found) {
      const key = `${p.where ?? ''}|${p.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push({
        where: `uncertainty (${label === '' ? 'weights' : label})`,
        message: `${p.where ?? ''}: ${p.message}`,
      });
    }
  }
}

function rootScores(result: ReturnType<typeof runPipeline>): Float64Array {
  return result.scores.values.get(result.root) ?? new Float64Array(result.rowCount).fill(Number.NaN);
}

/** A method choice as plain JSON, so it crosses to the worker threads by structured clone. */
function plainChoice(choice: MethodChoice): MethodChoice {
  return JSON.parse(JSON.stringify(choice)) as MethodChoice;
}

function numberMap(value: unknown): Record<string, number> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (e): e is [string, number] => typeof e[1] === 'number',
    ),
  );
}
