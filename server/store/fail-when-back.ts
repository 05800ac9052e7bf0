/**
 * When the store goes away in the middle of an import, the import cannot mark its batch failed
 * there and then, and the batch would stay pending (rows half written, the file claimed) until
 * the next start of Zhili. This keeps trying in the background, pausing longer each time, and
 * fails the batch (deleting its rows) as soon as the store answers again. It stops when the
 * store gives a definite answer (the batch is failed, or committed, or gone) or after a bounded
 * time; whatever is left then is recovered at the next open of the store.
 *
 * @example void failWhenStoreAnswers(store.imports, batch.id, { reason: 'store lost', counts })
 */
import { ConflictError, NotFoundError } from '../errors.js';
import type { ImportBatch } from './models/import-batch.js';
import type { ImportStore } from './store.js';

export interface RetryTiming {
  /** The first pause, doubled after every failed try… */
  readonly firstMs: number;
  /** …up to this. */
  readonly longestMs: number;
  /** No try starts after this long. */
  readonly giveUpAfterMs: number;
}

export const FAIL_RETRY_TIMING: RetryTiming = { firstMs: 500, longestMs: 5_000, giveUpAfterMs: 15 * 60_000 };

/** Resolves to the failed batch, or undefined when the store gave another answer or never came back. */
export async function failWhenStoreAnswers(
  imports: ImportStore,
  batchId: string,
  failure: unknown,
  timing: RetryTiming = FAIL_RETRY_TIMING,
): Promise<ImportBatch | undefined> {
  const giveUpAt = Date.now() + timing.giveUpAfterMs;
  for (
    let pause = timing.firstMs;
    Date.now() + pause <= giveUpAt;
    pause = Math.min(pause * 2, timing.longestMs)
  ) {
    await new Promise((resolve) => setTimeout(resolve, pause).unref());
    try {
      return await imports.fail(batchId, failure);
    } catch (error) {
      if (error instanceof ConflictError || error instanceof NotFoundError) return undefined;
    }
  }
  return undefined;
}
