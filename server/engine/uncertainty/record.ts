/**
 * One replication's parameters, recorded in full as plain JSON: which design matrix and sample it
 * belongs to, the alternative picked for each discrete factor, and the method choices that differ
 * from the base run. `replayReplication` runs the whole pipeline with them on the original input and
 * gives the same ranks as the Monte Carlo did.
 *
 * @example
 * const analysis = runUncertaintyInProcess(input, base, spec);
 * const again = replayReplication(input, base, analysis.records[17]!);
 * again.ranks.get(again.root) // equal to runRanks(analysis, 17)
 */
import { runPipeline } from '../pipeline.js';
import type { EngineResult } from '../result.js';
import type { EngineInput, MethodChoice, MethodChoices } from '../types.js';
import type { DiscreteFactor, FactorName } from './spec.js';

/** The stages a replication may change. */
export interface ReplicationChoices {
  readonly imputation?: MethodChoice;
  readonly treatment?: MethodChoice;
  readonly normalisation?: MethodChoice;
  readonly aggregation?: MethodChoice;
  /** `{ method: 'framework', weights: { id: weight, … } }` when the weights vary. */
  readonly weighting?: MethodChoice;
}

export interface ReplicationRecord {
  /** Position in the plan (and row of the rank matrix). */
  readonly index: number;
  /** "A" and "B": independent samples; "AB": A with `factor` taken from B (Saltelli design). */
  readonly matrix: 'A' | 'B' | 'AB';
  /** The sample (row of A and B) this run belongs to. */
  readonly sample: number;
  readonly factor?: FactorName;
  /** The index of the alternative picked for each discrete factor that varies. */
  readonly picks: Readonly<Partial<Record<DiscreteFactor, number>>>;
  readonly choices: ReplicationChoices;
}

/** The base choices with the replication's choices laid over them. */
export function replicationChoices(base: MethodChoices, record: ReplicationRecord): MethodChoices {
  return { ...base, ...record.choices };
}

/** Runs one replication again, from scratch, on the original input. */
export function replayReplication(
  input: EngineInput,
  base: MethodChoices,
  record: ReplicationRecord,
): EngineResult {
  return runPipeline(input, replicationChoices(base, record));
}
