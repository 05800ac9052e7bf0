/**
 * Roll-up from the scored units to their parents and further up the unit tree (communities → streets
 * → districts → the city), with the chosen method (population_weighted by default, pooled, own_data).
 * A pure function run after runPipeline; the choice is checked before any work. Each level carries
 * the score of every tree node for its units and their ranks within the level and period.
 *
 * @example
 * const result = runPipeline(input, choices);
 * rollUp(input, result, { method: 'population_weighted' }).levels[0] // the streets
 */
import { ValidationError } from '../../errors.js';
import { logEntry, type LogEntry } from '../log.js';
import { rollupMethods } from '../methods/rollup/index.js';
import { METHOD_NAMES } from '../method-names.js';
import { ranksTiesMin } from '../numeric/rank.js';
import { describe, ParamReader } from '../params.js';
import type { EngineResult } from '../result.js';
import type { EngineInput, MethodChoice } from '../types.js';
import { unitLevels } from './levels.js';

export interface RollupLevelResult {
  /** 1 = the parents of the scored units, 2 = their parents, … */
  readonly level: number;
  readonly codes: readonly string[];
  /** Scores by tree node; rows = period × codes + code; NaN when there is nothing to score. */
  readonly scores: ReadonlyMap<string, Float64Array>;
  /** Ranks within the level and period, by node (1 = best, ties share the smallest rank, 0 = none). */
  readonly ranks: ReadonlyMap<string, Uint32Array>;
  /** The parents' indicator values: their own (pooled, own data) or their children's weighted mean. */
  readonly raw?: ReadonlyMap<string, Float64Array>;
  /** The parents' normalised indicator values, by the same rule as `raw`. */
  readonly normalised?: ReadonlyMap<string, Float64Array>;
}

export interface Rollup {
  readonly method: string;
  readonly levels: readonly RollupLevelResult[];
  readonly log: readonly LogEntry[];
}

export function rollUp(
  input: EngineInput,
  result: EngineResult,
  choice: MethodChoice = { method: 'population_weighted' },
): Rollup {
  const reader = new ParamReader(choice, 'methods.rollup');
  const method = Object.hasOwn(rollupMethods, choice.method)
    ? rollupMethods[choice.method as keyof typeof rollupMethods]
    : undefined;
  if (method === undefined) {
    throw new ValidationError(
      `methods.rollup.method: unknown method ${describe(choice.method)}; choose one of ${METHOD_NAMES.rollup.join(', ')}`,
    );
  }
  const prepared = method.prepare(reader, input);
  const problems = reader.finish();
  const levels = unitLevels(input.units);
  if (levels.length === 0 && prepared.name !== 'own_data') {
    problems.push({ where: 'units.parents', message: 'the units have no parent units to roll up to' });
  }
  if (problems.length > 0) {
    throw new ValidationError(
      `Roll-up cannot run: ${problems.map((p) => `${p.where ?? ''}: ${p.message}`).join('; ')}`,
      problems,
    );
  }
  const rolled = prepared.run({ input, result, choices: result.choices, levels });
  const periodCount = result.periodIds.length;
  const log: LogEntry[] = [
    logEntry('rollup', `roll-up: ${prepared.name}`, { method: prepared.name, data: prepared.params }),
  ];
  const out = rolled.map((level, k): RollupLevelResult => {
    for (const note of level.notes)
      log.push(logEntry('rollup', note, { method: prepared.name, data: { level: k + 1 } }));
    const count = level.codes.length;
    const ranks = new Map<string, Uint32Array>();
    for (const [node, scores] of level.scores) {
      const r = new Uint32Array(scores.length);
      for (let p = 0; p < periodCount; p++)
        r.set(ranksTiesMin(scores.subarray(p * count, (p + 1) * count), 'descending'), p * count);
      ranks.set(node, r);
    }
    return {
      level: k + 1,
      codes: level.codes,
      scores: level.scores,
      ranks,
      ...(level.raw ? { raw: level.raw } : {}),
      ...(level.normalised ? { normalised: level.normalised } : {}),
    };
  });
  return { method: prepared.name, levels: out, log };
}
