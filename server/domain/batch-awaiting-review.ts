/**
 * A self-reported batch waiting for its reviewer (issue 15), as the review list shows it: the batch,
 * how many units it holds figures for, and the first few of them by code.
 */
import type { Bilingual } from './bilingual.js';
import type { ImportBatch } from './import-batch.js';

export interface BatchAwaitingReview {
  readonly batch: ImportBatch;
  readonly unitCount: number;
  /** The first units of the batch, sorted by code; name null for a code no longer registered. */
  readonly units: readonly { readonly code: string; readonly name: Bilingual | null }[];
}
