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
import { normalisationMethods } from '../methods/normalisation/index.js';
import type { PreparedNormalisation } from '../methods/normalisation/contract.js';
import { treatmentMethods } from '../methods/treatment/index.js';
import type { PreparedTreatment } from '../methods/treatment/contract.js';
import { ParamReader } from '../params.js';
import { rankColumn } from '../stages/rank-column.js';
import { normaliseColumn, type NormalisedColumn } from '../stages/normalise-column.js';
import { treatColumn, type TreatedColumn } from '../stages/treat-column.js';
import type { Direction, EngineInput, Goalposts } from '../types.js';

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

export interface RankTask {
  readonly values: Float64Array;
  readonly unitCount: number;
  readonly periodCount: number;
  readonly tieUlps: number;
}

interface Tasks {
  treat: { input: TreatTask; output: TreatedColumn };
  normalise: { input: NormaliseTask; output: NormalisedColumn };
  rank: { input: RankTask; output: Uint32Array };
}

export type TaskKind = keyof Tasks;
export type TaskInput<K extends TaskKind> = Tasks[K]['input'];
export type TaskOutput<K extends TaskKind> = Tasks[K]['output'];

export function runTask<K extends TaskKind>(kind: K, task: TaskInput<K>): TaskOutput<K> {
  return runners[kind](task as never) as TaskOutput<K>;
}

const runners: { readonly [K in TaskKind]: (task: TaskInput<K>) => TaskOutput<K> } = {
  treat: (task) => {
    const method = prepared(treatmentMethods, task.method, 'treatment') as PreparedTreatment;
    return treatColumn(task.column, task.previousFlags, task.unitCount, task.periodCount, method.run);
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
    return normaliseColumn(task.input, task.reasons, task.previousFlags, task.blocks, context, method);
  },
  rank: (task) => rankColumn(task.values, task.unitCount, task.periodCount, task.tieUlps),
};

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
