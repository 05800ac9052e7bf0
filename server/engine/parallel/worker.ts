/**
 * An engine helper thread (pool.ts): for every batch, takes tasks from the shared counter until none
 * is left, posts each answer on the replies port, then marks it done and wakes the calling thread.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { BatchMessage, TaskReply } from './pool.js';
import { runTask } from './tasks.js';

let replies: MessagePort | undefined;
/** Tests only (pool.ts, endHelpersInTheirNextTask): the thread ends inside its next task. */
let endInNextTask = false;

type Message = BatchMessage | { replies: MessagePort } | { endInNextTask: true };

parentPort?.on('message', (message: Message) => {
  if ('replies' in message) {
    replies = message.replies;
    parentPort?.postMessage('ready');
    return;
  }
  if ('endInNextTask' in message) {
    endInNextTask = true;
    return;
  }
  const { batch, control, kind, tasks } = message;
  const first = Atomics.add(control, 0, 1);
  // A calling thread may wait for a helper to begin (pool.ts, setCallerWaitsForHelper).
  Atomics.notify(control, 0);
  for (let i = first; i < tasks.length; i = Atomics.add(control, 0, 1)) {
    if (endInNextTask) process.exit(1);
    let reply: TaskReply;
    try {
      reply = { batch, index: i, output: runTask(kind, tasks[i] as never) };
    } catch (error) {
      reply = {
        batch,
        index: i,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
    }
    replies?.postMessage(reply);
    Atomics.store(control, 2 + i, 1);
    Atomics.add(control, 1, 1);
    Atomics.notify(control, 1);
  }
});
