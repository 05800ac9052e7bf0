/**
 * The engine's helper threads. A stage that works indicator by indicator (or node by node) hands the
 * pool a batch of tasks over shared-memory columns; the calling thread and the helpers take tasks
 * from one shared counter until none is left, and the calling thread waits (Atomics.wait) until every
 * task is done, so the stages — and runPipeline — stay synchronous. A task does the same arithmetic
 * whichever thread runs it, so results are bit-identical for any number of threads.
 *
 * Helpers start on the first batch big enough to share and are not waited for: until one is up, the
 * calling thread simply takes every task itself. They never keep the process alive (unref), and only
 * the main thread uses them (inside a worker, such as a Monte Carlo worker, everything runs in-thread).
 * A helper that makes no progress for 5 s (its thread died or hangs) is let go, and the calling
 * thread does the tasks it left undone, so a run never waits forever.
 *
 * @example
 * const results = runTasks('rank', tasks); // same results as tasks.map((t) => runTask('rank', t))
 */
import { availableParallelism } from 'node:os';
import {
  isMainThread,
  MessageChannel,
  receiveMessageOnPort,
  type MessagePort,
  type Worker,
} from 'node:worker_threads';
import { startWorkerNow, workerBundle } from '../../workers/worker-bundle.js';
import { sharedFloat64 } from './shared.js';
import { runTask, type TaskKind, type TaskInput, type TaskOutput } from './tasks.js';

/** Rows (units × periods) from which a stage shares its work; below, the threads cost more than they save. */
export const PARALLEL_FROM_ROWS = 20_000;

interface Helper {
  readonly worker: Worker;
  readonly replies: MessagePort;
  /** Settles when the helper has loaded the engine and listens. */
  readonly ready: Promise<void>;
}

/** A batch as the helpers receive it. */
export interface BatchMessage {
  readonly batch: number;
  /** [next task to take, tasks done, then per task 1 once its answer is posted]. */
  readonly control: Int32Array;
  readonly kind: TaskKind;
  readonly tasks: readonly unknown[];
}

/** A helper's answer for one task. */
export interface TaskReply {
  readonly batch: number;
  readonly index: number;
  readonly output?: unknown;
  readonly error?: string;
}

const helpers: Helper[] = [];
let threadSetting: number | undefined;
let parallelFrom = PARALLEL_FROM_ROWS;
let callerWaitsForHelper = false;
const helperTasks = new Map<TaskKind, number>();
let batchCount = 0;
const workerEntry = new URL('./worker.ts', import.meta.url);

/**
 * Threads the engine may use, the calling one included: `undefined` = one per core (at most 8);
 * 1 = no helpers. Tests compare 1 thread with several; helpers beyond the setting stay idle.
 */
export function setEngineThreads(threads: number | undefined): void {
  threadSetting = threads;
}

export function engineThreads(): number {
  if (!isMainThread) return 1;
  return Math.max(1, Math.floor(threadSetting ?? Math.min(availableParallelism(), 8)));
}

/** Whether a stage over this many rows should share its tasks. */
export function shareWork(rowCount: number): boolean {
  return rowCount >= parallelFrom && engineThreads() > 1;
}

/**
 * A new column of `length` doubles: on shared memory when a frame of that many rows shares its work,
 * so that the threads read and write it without a copy.
 */
export function engineColumn(length: number): Float64Array {
  return shareWork(length) ? sharedFloat64(length) : new Float64Array(length);
}

/**
 * Row ranges [from, to) for a stage that splits rows among the threads: a few per thread, so that
 * they finish together, and none under 1,024 rows.
 */
export function rowRanges(rowCount: number): (readonly [number, number])[] {
  const size = Math.max(1024, Math.ceil(rowCount / (engineThreads() * 4)));
  const ranges: (readonly [number, number])[] = [];
  for (let from = 0; from < rowCount; from += size) ranges.push([from, Math.min(rowCount, from + size)]);
  return ranges;
}

/** Tests share the work of small frames too (undefined: back to PARALLEL_FROM_ROWS). */
export function setParallelFromRows(rows: number | undefined): void {
  parallelFrom = rows ?? PARALLEL_FROM_ROWS;
}

/**
 * Tests: the calling thread takes no task of a batch until a helper has taken one (up to 10 s), so
 * that the helpers surely take part however busy the machine is.
 */
export function setCallerWaitsForHelper(wait: boolean): void {
  callerWaitsForHelper = wait;
}

/** How many tasks (of one kind, or all) the helper threads have done in this process (tests check that they took part). */
export function helperTaskCount(kind?: TaskKind): number {
  if (kind !== undefined) return helperTasks.get(kind) ?? 0;
  return [...helperTasks.values()].reduce((sum, n) => sum + n, 0);
}

/** Starts the helpers now and resolves once each listens (a server may call it at start-up). */
export async function startEngineThreads(): Promise<void> {
  // Helpers from the bundle start in a few hundredths of a second of CPU and carry no TypeScript
  // loader (tsx): less memory per thread. Made in esbuild's process while this thread goes on.
  await workerBundle(workerEntry);
  startHelpers();
  await Promise.all(helpers.map((h) => h.ready));
}

/** Stops the helpers (they are unref'd, so a process ends without this; tests call it to be tidy). */
export async function closeEngineThreads(): Promise<void> {
  const stopping = helpers.splice(0).map((h) => h.worker.terminate());
  await Promise.all(stopping);
}

function startHelpers(): void {
  const wanted = engineThreads() - 1;
  while (helpers.length < wanted) {
    const worker = startWorkerNow(workerEntry);
    const { port1, port2 } = new MessageChannel();
    worker.postMessage({ replies: port1 }, [port1]);
    worker.unref();
    port2.unref();
    // A helper that fails just takes no more tasks; the calling thread does them.
    worker.on('error', () => undefined);
    const ready = new Promise<void>((resolve) => {
      worker.once('message', () => {
        resolve();
      });
      worker.once('error', () => {
        resolve();
      });
      worker.once('exit', () => {
        resolve();
      });
    });
    helpers.push({ worker, replies: port2, ready });
  }
}

/** How long the calling thread waits for a helper that makes no progress before doing its tasks. */
const HELPER_GRACE_MS = 5_000;

/**
 * Waits until every task is done; false when the helpers finished none for HELPER_GRACE_MS (they
 * post the answer before counting a task done).
 */
function helpersFinish(control: Int32Array, taskCount: number): boolean {
  let lastProgress = performance.now();
  let seen = Atomics.load(control, 1);
  while (seen < taskCount) {
    Atomics.wait(control, 1, seen, 250);
    const done = Atomics.load(control, 1);
    if (done !== seen) {
      seen = done;
      lastProgress = performance.now();
    } else if (performance.now() - lastProgress > HELPER_GRACE_MS) return false;
  }
  return true;
}

function dropHelper(helper: Helper): void {
  const at = helpers.indexOf(helper);
  if (at >= 0) helpers.splice(at, 1);
  void helper.worker.terminate();
}

/**
 * Tests: every helper ends its thread as soon as it has taken its next task, as a thread that dies
 * in the middle of its work would.
 */
export function endHelpersInTheirNextTask(): void {
  for (const helper of helpers) helper.worker.postMessage({ endInNextTask: true });
}

/** Runs the tasks over the calling thread and the helpers; outputs in task order. */
export function runTasks<K extends TaskKind>(kind: K, tasks: readonly TaskInput<K>[]): TaskOutput<K>[] {
  const outputs = new Array<TaskOutput<K> | undefined>(tasks.length);
  if (tasks.length === 0) return [];
  if (tasks.length === 1 || engineThreads() === 1) return tasks.map((task) => runTask(kind, task));
  startHelpers();
  const working = helpers.slice(0, engineThreads() - 1);
  const batch = ++batchCount;
  // [next task to take, tasks done, then 1 per task once its answer is posted].
  const control = new Int32Array(new SharedArrayBuffer((2 + tasks.length) * Int32Array.BYTES_PER_ELEMENT));
  const message: BatchMessage = { batch, control, kind, tasks };
  for (const helper of working) helper.worker.postMessage(message);
  if (callerWaitsForHelper) Atomics.wait(control, 0, 0, 10_000);
  let failure: unknown;
  const runHere = (i: number): void => {
    try {
      const task = tasks[i];
      if (task !== undefined) outputs[i] = runTask(kind, task);
    } catch (error) {
      failure ??= error;
    }
  };
  for (let i = Atomics.add(control, 0, 1); i < tasks.length; i = Atomics.add(control, 0, 1)) {
    runHere(i);
    Atomics.store(control, 2 + i, 1);
    Atomics.add(control, 1, 1);
  }
  if (!helpersFinish(control, tasks.length)) {
    // A helper died or hangs in the middle of a task: it is let go, and this thread does what it
    // left undone (tasks are pure, so a late answer would have been the same).
    for (const helper of working) dropHelper(helper);
    for (let i = 0; i < tasks.length; i++) if (Atomics.load(control, 2 + i) === 0) runHere(i);
  }
  for (const helper of working) {
    for (
      let m = receiveMessageOnPort(helper.replies);
      m !== undefined;
      m = receiveMessageOnPort(helper.replies)
    ) {
      const reply = m.message as TaskReply;
      if (reply.batch !== batch) continue;
      helperTasks.set(kind, (helperTasks.get(kind) ?? 0) + 1);
      if (reply.error !== undefined) failure ??= new Error(`engine helper thread: ${reply.error}`);
      else outputs[reply.index] = reply.output as TaskOutput<K>;
    }
  }
  if (failure !== undefined)
    throw failure instanceof Error ? failure : new Error(`engine: a task failed: ${JSON.stringify(failure)}`);
  return outputs.map((output, i) => {
    if (output === undefined) throw new Error(`engine: task ${i} of ${kind} gave no result`);
    return output;
  });
}
