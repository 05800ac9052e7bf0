/**
 * The work the engine shares among its threads (pool.ts), as plain functions of plain data: columns
 * on shared memory, resolved method choices (prepared again in each thread, with the same parameters)
 * and small settings. Each kind calls the very function the in-thread stage calls, so a result never
 * depends on which thread computed it.
 *
 * @example runTask('rank', { values, unitCount, periodCount: 1, tieUlps: 16 }) // Uint32Array
 */
import type { ResolvedChoice } from '../choices.js';
import type { MethodDefinition } from '../methods/method.js';
import { aggregationMethods } from '../methods/aggregation/index.js';
import type { PreparedAggregation } from '../methods/aggregation/contract.js';
import { availabilityOfRows } from '../methods/screening/availability.js';
import { normalisationMethods } from '../methods/normalisation/index.js';
import type { PreparedNormalisation } from '../methods/normalisation/contract.js';
import { treatmentMethods } from '../methods/treatment/index.js';
import type { PreparedTreatment } from '../methods/treatment/contract.js';
import { ParamReader } from '../params.js';
import { sharedCopy, withSharedOutputs } from './shared.js';
// The one place the engine reaches into the registry's code: a helper thread cannot receive the
// compiled formula (a closure), so it compiles the same text with the same compiler.
import { compileFormula } from '../../indicators/formula/compile.js';
import { sealScoreRows } from '../stages/aggregate-rows.js';
import { computePlainColumn, type ComputedIndicator } from '../stages/compute-column.js';
import { badCells } from '../stages/sanitise-variables.js';
import { rankColumn } from '../stages/rank-column.js';
import { normaliseColumn, type NormalisedColumn } from '../stages/normalise-column.js';
import { treatColumn, type TreatedColumn } from '../stages/treat-column.js';
import type { ColumnFormula, Direction, EngineInput, Goalposts, VariableSpec } from '../types.js';

export interface TreatTask {
  readonly column: Float64Array;
  readonly previousFlags: Uint8Array | undefined;
  readonly unitCount: number;
  readonly periodCount: number;
  readonly method: ResolvedChoice;
}

export interface NormaliseTask {
  readonly input: Float64Array;
  readonly reasons: Uint8Array;
  readonly previousFlags: Uint8Array | undefined;
  readonly blocks: readonly (readonly [number, number])[];
  readonly indicator: string;
  readonly direction: Direction;
  readonly goalposts: Goalposts | undefined;
  readonly unitCount: number;
  readonly method: ResolvedChoice;
}

export interface ComputeTask {
  /** The formula's text (the registry's compiled formulas carry it); compiled again in each thread. */
  readonly source: string;
  /** Per period, the variables the formula reads, on shared memory. */
  readonly periods: readonly Readonly<Record<string, Float64Array>>[];
  readonly unitCount: number;
  /** Rows with any indicator value, marked by every task (they only ever write 1). */
  readonly present: Uint8Array;
}

export interface RankTask {
  readonly values: Float64Array;
  readonly unitCount: number;
  readonly periodCount: number;
  readonly tieUlps: number;
}

export interface SanitiseTask {
  readonly column: Float64Array;
  readonly spec: VariableSpec | undefined;
}

/** Rows [from, to) of every indicator, measured into the shared `share` column. */
export interface AvailabilityTask {
  readonly values: readonly Float64Array[];
  readonly reasons: readonly Uint8Array[];
  readonly from: number;
  readonly to: number;
  readonly share: Float64Array;
}

/** Rows [from, to) of one node's score, written into the shared output and reasons, then sealed. */
export interface AggregateTask {
  readonly method: ResolvedChoice;
  readonly children: readonly Float64Array[];
  readonly weights: Float64Array;
  readonly output: Float64Array;
  readonly reasons: Uint8Array;
  readonly rowFlags: Uint8Array;
  readonly from: number;
  readonly to: number;
  readonly node: string;
}

interface Tasks {
  /** The bad cells' reasons; false when every cell is fine. */
  sanitise: { input: SanitiseTask; output: Uint8Array | false };
  availability: { input: AvailabilityTask; output: true };
  aggregate: { input: AggregateTask; output: true };
  compute: { input: ComputeTask; output: ComputedIndicator };
  treat: { input: TreatTask; output: TreatedColumn };
  normalise: { input: NormaliseTask; output: NormalisedColumn };
  rank: { input: RankTask; output: Uint32Array };
}

export type TaskKind = keyof Tasks;
export type TaskInput<K extends TaskKind> = Tasks[K]['input'];
export type TaskOutput<K extends TaskKind> = Tasks[K]['output'];

export function runTask<K extends TaskKind>(kind: K, task: TaskInput<K>): TaskOutput<K> {
  return runners[kind](task);
}

// Outputs go on shared memory (made there, or copied in the thread that made them), so that they
// reach the calling thread without a copy and the next stage shares them as they are.
const runners: { readonly [K in TaskKind]: (task: TaskInput<K>) => TaskOutput<K> } = {
  sanitise: (task) => {
    const why = badCells(task.column, task.spec);
    return why === undefined ? false : sharedCopy(why);
  },
  availability: (task) => {
    availabilityOfRows(task.values, task.reasons, task.from, task.to, task.share);
    return true;
  },
  aggregate: (task) => {
    const method = prepared(aggregationMethods, task.method, 'aggregation') as PreparedAggregation;
    const { from, to } = task;
    // A failing row (a value ≤ 0 for a geometric mean) fails the task; the stage then runs the node
    // in its own thread, which names the unit.
    method.run(
      task.children.map((c) => c.subarray(from, to)),
      task.weights,
      task.output.subarray(from, to),
      task.reasons.subarray(from, to),
      { node: task.node, children: [], period: '?', unitCode: () => '?' },
    );
    sealScoreRows(task.output, task.reasons, task.rowFlags, from, to);
    return true;
  },
  compute: (task) => {
    return computePlainColumn(
      compiled(task.source),
      task.periods.map((columns) => new Map(Object.entries(columns))),
      task.unitCount,
      task.present,
      true,
    );
  },
  treat: (task) => {
    const method = prepared(treatmentMethods, task.method, 'treatment') as PreparedTreatment;
    const done = withSharedOutputs(() =>
      treatColumn(task.column, task.previousFlags, task.unitCount, task.periodCount, method.run),
    );
    return {
      ...done,
      values: done.values === undefined ? undefined : sharedCopy(done.values),
      flags: done.flags === undefined ? undefined : sharedCopy(done.flags),
    };
  },
  normalise: (task) => {
    const method = prepared(normalisationMethods, task.method, 'normalisation') as PreparedNormalisation;
    const context = {
      indicator: task.indicator,
      direction: task.direction,
      goalposts: task.goalposts,
      unitCount: task.unitCount,
      // Methods that look units up by code (ratio_to_reference) are not shared (normalise.ts).
      unitIndex: () => -1,
    };
    return normaliseColumn(task.input, task.reasons, task.previousFlags, task.blocks, context, method, true);
  },
  rank: (task) => rankColumn(task.values, task.unitCount, task.periodCount, task.tieUlps, true),
};

/** Formulas compiled from their text, once per thread and text. */
const formulaCache = new Map<string, ColumnFormula>();

function compiled(source: string): ColumnFormula {
  let formula = formulaCache.get(source);
  if (formula === undefined) {
    formula = compileFormula(source);
    formulaCache.set(source, formula);
  }
  return formula;
}

/** Methods prepared from their resolved choice, once per thread and choice. */
const preparedCache = new Map<string, unknown>();

function prepared(
  methods: Readonly<Record<string, MethodDefinition<string, unknown>>>,
  choice: ResolvedChoice,
  stage: string,
): unknown {
  const key = `${stage} ${JSON.stringify(choice)}`;
  let method = preparedCache.get(key);
  if (method === undefined) {
    const definition = Object.hasOwn(methods, choice.method) ? methods[choice.method] : undefined;
    if (definition === undefined) throw new Error(`engine: no ${stage} method "${choice.method}"`);
    const reader = new ParamReader(choice, `methods.${stage}`);
    // The methods shared here read nothing from the input (those that do are not shared).
    method = definition.prepare(reader, undefined as unknown as EngineInput);
    preparedCache.set(key, method);
  }
  return method;
}
