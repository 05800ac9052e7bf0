/**
 * What replications with the same discrete picks share. Imputation, treatment and normalisation are
 * drawn from a few alternatives each, and the normalised columns depend on those picks alone (the
 * upstream set = imputation × treatment picks, and the normalisation pick; weights and aggregation act
 * after). So each combination's normalised columns are made once and kept; so are the logarithms a
 * geometric mean takes of them:
 *
 * - before the runs (shareCombinations), from the original input's state after treatment, on shared
 *   memory every worker reads without a copy, while they fit SHARED_COMBINATION_BYTES;
 * - otherwise by each runner on first use (normalisedColumns, on the upstream input), in a cache that
 *   holds combinations up to a byte budget and drops the least recently used one beyond it. Runs are
 *   visited grouped by combination (byCombination), so a small budget costs few recomputations.
 *
 * At 10,000 units × 33 indicators a combination takes about 3 MB (6 MB with its logarithms).
 *
 * @example
 * const cache = new CombinationCache();
 * cache.get(combinationKey(payload, record), () => normalisedColumns(input, choices)).normalised
 */
import type { PreparedChoices } from '../choices.js';
import { checkEverything } from '../pipeline.js';
import { computeStage } from '../stages/compute.js';
import { imputeStage } from '../stages/impute.js';
import { normaliseStage } from '../stages/normalise.js';
import { screenStage } from '../stages/screen.js';
import { treatStage } from '../stages/treat.js';
import { initialState, type EngineState } from '../state.js';
import { sharedCopy } from '../parallel/shared.js';
import type { ColumnSet, EngineInput, MethodChoices } from '../types.js';
import { upstreamIndex, type ReplicationPayload } from './payload.js';
import { replicationChoices, type ReplicationRecord } from './record.js';

/** The byte budget of one runner's cache (each worker has its own). */
export const COMBINATION_CACHE_BYTES = 512 * 2 ** 20;

/**
 * Up to this many bytes of normalised columns (all combinations together) are made once before the
 * runs, on shared memory that every worker reads; past it each runner makes what it needs.
 */
export const SHARED_COMBINATION_BYTES = 256 * 2 ** 20;

/** One combination's normalised columns, made before the runs (on shared memory). */
export interface SharedCombination {
  readonly key: string;
  readonly normalised: ColumnSet;
}

/** The upstream set and normalisation pick a record's normalised columns depend on. */
export function combinationKey(payload: ReplicationPayload, record: ReplicationRecord): string {
  return `${upstreamIndex(payload, record)}/${record.picks.normalisation ?? 0}`;
}

/**
 * The records in an order that visits each combination's runs together (stably, by first
 * appearance), so that the cache makes each combination once. Where a run's ranks go is decided by
 * its index, so the order changes no result.
 */
export function byCombination(
  payload: ReplicationPayload,
  records: readonly ReplicationRecord[],
): ReplicationRecord[] {
  const groups = new Map<string, ReplicationRecord[]>();
  for (const record of records) {
    const key = combinationKey(payload, record);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [record]);
    else group.push(record);
  }
  return [...groups.values()].flat();
}

/**
 * The normalised columns as runPipeline makes them (its `normalised`): the same stages in the same
 * order, stopping after normalisation (the weights and the aggregation are each replication's own).
 */
export function normalisedColumns(input: EngineInput, choices: MethodChoices): ColumnSet {
  const { sets, current } = stagesThrough(input, choices, normaliseStage);
  return sets.normalised ?? sets.treated ?? sets.imputed ?? sets.raw ?? current;
}

/** runPipeline's state after treatment (its checks, then its stages in its order up to treatment). */
export function stateAfterTreatment(
  input: EngineInput,
  choices: MethodChoices,
  /** The input's state after the compute stage (computedState), which no method choice changes. */
  computed?: EngineState,
): EngineState {
  return stagesThrough(input, choices, treatStage, computed);
}

/** The state after the compute stage: the same for every choice of methods, so made once. */
export function computedState(input: EngineInput, choices: MethodChoices): EngineState {
  return stagesThrough(input, choices, computeStage);
}

/** The treated columns of such a state, as runPipeline's result gives them (its `treated`). */
export function treatedOf(state: EngineState): ColumnSet {
  return state.sets.treated ?? state.sets.imputed ?? state.sets.raw ?? state.current;
}

type Stage = (state: EngineState, choices: PreparedChoices) => EngineState;

/** runPipeline's checks and stages, in its order, up to and including `last`. */
function stagesThrough(
  input: EngineInput,
  choices: MethodChoices,
  last: Stage,
  computed?: EngineState,
): EngineState {
  const { frame, prepared } = checkEverything(input, choices);
  const screenFirst = prepared.screening.basis === 'raw';
  const stages: Stage[] = [
    computeStage,
    ...(screenFirst ? [screenStage, imputeStage] : [imputeStage, screenStage]),
    treatStage,
    normaliseStage,
  ];
  const through = stages.slice(0, stages.indexOf(last) + 1);
  if (computed === undefined)
    return through.reduce((state, stage) => stage(state, prepared), initialState(frame, []));
  return through.slice(1).reduce((state, stage) => stage(state, prepared), computed);
}

/**
 * Every combination the records use, on shared memory, as runPipeline normalises with the choices
 * of the first record that uses it; none when they would take more than `budget` bytes. The state
 * after treatment is the original input's, once per upstream set (`treated`, by upstream index;
 * made here when missing): the stages before normalisation read only the picks that decide it.
 */
export function shareCombinations(
  payload: ReplicationPayload,
  records: readonly ReplicationRecord[],
  input: EngineInput,
  treated = new Map<number, EngineState>(),
  budget = SHARED_COMBINATION_BYTES,
): SharedCombination[] {
  const first = new Map<string, ReplicationRecord>();
  for (const record of records) {
    const key = combinationKey(payload, record);
    if (!first.has(key)) first.set(key, record);
  }
  const rows = payload.units.codes.length * payload.periodIds.length;
  const bytes = first.size * payload.indicators.length * rows * (Float64Array.BYTES_PER_ELEMENT + 1);
  if (bytes > budget) return [];
  return [...first].map(([key, record]) => {
    const upstream = upstreamIndex(payload, record);
    const choices = replicationChoices(payload.base, record);
    let before = treated.get(upstream);
    if (before === undefined) {
      before = stateAfterTreatment(input, choices);
      treated.set(upstream, before);
    }
    const { sets, current } = normaliseStage(before, checkEverything(input, choices).prepared);
    const normalised = sets.normalised ?? sets.treated ?? sets.imputed ?? sets.raw ?? current;
    return { key, normalised: sharedColumns(normalised) };
  });
}

/** The same columns on shared memory (copied once), so that worker threads get them without a copy. */
export function sharedColumns(set: ColumnSet): ColumnSet {
  const share = <T extends Float64Array | Uint8Array>(map: ReadonlyMap<string, T>): Map<string, T> =>
    new Map([...map].map(([id, column]) => [id, sharedCopy(column)]));
  return { values: share(set.values), reasons: share(set.reasons) };
}

/** One combination's normalised columns, and their logarithms once a geometric mean asks. */
export class Combination {
  private readonly logColumns = new Map<string, Float64Array | null>();
  private logBytes = 0;

  constructor(readonly normalised: ColumnSet) {}

  /** Bytes held (values, reasons and the logarithms made so far). */
  get bytes(): number {
    let total = this.logBytes;
    for (const column of this.normalised.values.values()) total += column.byteLength;
    for (const column of this.normalised.reasons.values()) total += column.byteLength;
    return total;
  }

  /**
   * ln x of an indicator's normalised values (NaN where missing), the very doubles geometricMean
   * computes row by row; null when a value is ≤ 0, which the geometric mean refuses (the caller then
   * runs the method itself, which throws its own error).
   */
  logs(id: string): Float64Array | null {
    const known = this.logColumns.get(id);
    if (known !== undefined) return known;
    const values = this.normalised.values.get(id);
    const made = values === undefined ? null : logColumn(values);
    this.logColumns.set(id, made);
    this.logBytes += made?.byteLength ?? 0;
    return made;
  }
}

/** ln x per row (NaN stays NaN), or null at a value ≤ 0. */
export function logColumn(values: Float64Array, into?: Float64Array): Float64Array | null {
  const out = into ?? new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i] ?? Number.NaN;
    if (x <= 0) return null;
    out[i] = x !== x ? Number.NaN : Math.log(x);
  }
  return out;
}

/** Combinations by key, least recently used first out once past the byte budget (the newest stays). */
export class CombinationCache {
  private readonly entries = new Map<string, Combination>();

  constructor(private readonly budget = COMBINATION_CACHE_BYTES) {}

  get(key: string, make: () => ColumnSet): Combination {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const made = new Combination(make());
    this.entries.set(key, made);
    this.trim();
    return made;
  }

  /** Combinations made and kept (for tests). */
  get size(): number {
    return this.entries.size;
  }

  /** Drops the oldest entries while over budget; the logs grow an entry after it was added. */
  trim(): void {
    let total = 0;
    for (const entry of this.entries.values()) total += entry.bytes;
    for (const [key, entry] of this.entries) {
      if (total <= this.budget || this.entries.size === 1) return;
      total -= entry.bytes;
      this.entries.delete(key);
    }
  }
}
