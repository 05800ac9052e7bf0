/**
 * An engine helper thread (pool.ts): for every batch, takes tasks from the shared counter until none
 * is left, posts each answer on the replies port, then counts it done and wakes the calling thread.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { BatchMessage, TaskReply } from './pool.js';
import { runTask } from './tasks.js';

let replies: MessagePort | undefined;

parentPort?.on('message', (message: BatchMessage | { replies: MessagePort }) => {
  if ('replies' in message) {
    replies = message.replies;
    parentPort?.postMessage('ready');
    return;
  }
  const { batch, control, kind, tasks } = message;
  for (let i = Atomics.add(control, 0, 1); i < tasks.length; i = Atomics.add(control, 0, 1)) {
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
    Atomics.add(control, 1, 1);
    Atomics.notify(control, 1);
  }
});
