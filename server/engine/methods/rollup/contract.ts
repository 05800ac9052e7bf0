/**
 * What a roll-up method receives and returns: the scored units' input and result, and the unit tree
 * above them; out come, level by level, the scores of every tree node for the parent units (rows are
 * period-major: row = period × codes + code).
 */
import type { ResolvedChoices } from '../../choices.js';
import type { EngineResult } from '../../result.js';
import type { UnitLevel } from '../../rollup/levels.js';
import type { EngineInput } from '../../types.js';
import type { MethodDefinition, PreparedMethod } from '../method.js';

export interface RollupInput {
  readonly input: EngineInput;
  readonly result: EngineResult;
  readonly choices: ResolvedChoices;
  readonly levels: readonly UnitLevel[];
}

export interface RolledUpLevel {
  readonly codes: readonly string[];
  /** Scores by tree node, NaN when the parent has nothing to score. */
  readonly scores: ReadonlyMap<string, Float64Array>;
  /** The parents' indicator values: their own (pooled, own_data) or their children's weighted mean. */
  readonly raw?: ReadonlyMap<string, Float64Array>;
  /** The parents' normalised indicator values, by the same rule as `raw`. */
  readonly normalised?: ReadonlyMap<string, Float64Array>;
  readonly notes: readonly string[];
}

export type RollupRun = (input: RollupInput) => RolledUpLevel[];
export type PreparedRollup = PreparedMethod<RollupRun>;
export type RollupMethod<Name extends string> = MethodDefinition<Name, PreparedRollup>;
