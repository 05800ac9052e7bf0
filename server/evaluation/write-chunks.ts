/**
 * Writes pieces of an export to a stream (an HTTP response, a file, standard output) at the pace the
 * stream takes them: after a write the stream's buffer is full, the next piece waits for 'drain',
 * so a slow client never makes the server hold the whole file. A destination that fails or closes
 * early (a download cancelled) ends the writing with its error instead of leaving it waiting.
 * Nothing is written before the first piece exists, so an error in making it leaves the
 * destination untouched (an HTTP handler can still answer with an error page).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

export type Chunks = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

export interface WriteOptions {
  /** End the destination after the last piece (default true; false for standard output). */
  readonly end?: boolean;
}

export async function writeChunks(out: Writable, chunks: Chunks, options: WriteOptions = {}): Promise<void> {
  // Rejects as soon as the destination errs or closes before it finished.
  const failed = finished(out, { readable: false });
  failed.catch(() => undefined);
  for await (const chunk of chunks) {
    if (out.destroyed) {
      await failed;
      throw new Error('the destination closed before the last piece');
    }
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
  }
  if (options.end === false) return;
  out.end();
  await failed;
}
