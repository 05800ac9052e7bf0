/**
 * Long intake work (parsing and checking a 100,000-row file takes seconds) runs in slices with a
 * pause between them, so the server keeps answering other requests meanwhile. Without the pauses
 * one import held the event loop for 4 s and more; past Node's 5 s keep-alive timeout the server
 * then reset the connections of clients that had sent a request in the meantime (ECONNRESET).
 *
 * @example for (const row of rows) { if (++done % ROWS_PER_SLICE === 0) await yieldToEventLoop(); … }
 */

/** Rows checked between two pauses: about 50–100 ms of work for a 46-variable framework. */
export const ROWS_PER_SLICE = 5000;

/** Resolves after the event loop has handled the I/O that is waiting (setImmediate). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
