/**
 * Runs one import through the batch protocol, all or nothing and idempotent:
 * - the same file (kind, declared period, SHA-256) already committed → that batch, nothing written;
 * - a report with errors → a failed batch that keeps the report, no rows;
 * - otherwise begin → append in slices (with progress) → commit; of two imports of one file at
 *   once, exactly one commits and the other is a duplicate (the store's commit claims the file);
 *   any error fails the batch (its rows are deleted) and is rethrown; when the store itself went
 *   away, the batch is failed as soon as it answers again (fail-when-back.ts). A crash leaves a
 *   pending batch that the next open of the store fails (Store.recoverInterruptedImports).
 *
 * @example
 * const { outcome, batch } = await importRecords(store, request, rows, { counts, report });
 */
import { failWhenStoreAnswers } from './fail-when-back.js';
import type { ImportBatch, ImportKind, ImportOutcome } from './models/import-batch.js';
import type { ValidationReport } from './models/validation-report.js';
import type { Store } from './store.js';

export interface ImportRequest {
  readonly kind: ImportKind;
  readonly actor: string;
  readonly fileName: string;
  readonly sha256: string;
  /** The period the import was declared for, or null when rows name their periods. */
  readonly period: string | null;
  /** The periods the rows hold (empty for units). */
  readonly periods: readonly string[];
}

export interface ImportTally {
  readonly rows: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface ImportOptions {
  readonly tally: ImportTally;
  readonly report?: ValidationReport;
  /** Rows per append (default 5,000). */
  readonly sliceSize?: number;
  /** Called after each append with the rows stored so far. */
  readonly onProgress?: (stored: number, total: number) => void;
}

export interface ImportResult {
  readonly outcome: ImportOutcome;
  readonly batch: ImportBatch;
}

function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 2000 ? `${message.slice(0, 1997)}...` : message;
}

/** The same file was committed (by another process) while this one was importing it. */
async function committedMeanwhile(store: Store, request: ImportRequest): Promise<ImportBatch | undefined> {
  return store.imports.findCommitted(request.kind, request.sha256, request.period);
}

export async function importRecords(
  store: Store,
  request: ImportRequest,
  records: readonly unknown[],
  options: ImportOptions,
): Promise<ImportResult> {
  const earlier = await committedMeanwhile(store, request);
  if (earlier !== undefined) return { outcome: 'duplicate', batch: earlier };

  const counts = { ...options.tally, stored: 0 };
  const report = options.report;
  const begun = await store.imports.begin(request);
  if (options.tally.errors > 0) {
    const reason = `${options.tally.errors} error(s) in ${request.fileName}; nothing was imported`;
    const failed = await store.imports.fail(
      begun.id,
      report === undefined ? { reason, counts } : { reason, counts, report },
    );
    return { outcome: 'failed', batch: failed };
  }
  try {
    const size = options.sliceSize ?? 5000;
    for (let start = 0; start < records.length; start += size) {
      const slice = records.slice(start, start + size);
      if (request.kind === 'units') await store.imports.appendUnits(begun.id, slice);
      else if (request.kind === 'responses') await store.imports.appendResponses(begun.id, slice);
      else await store.imports.appendObservations(begun.id, slice);
      options.onProgress?.(start + slice.length, records.length);
    }
    const raced = await committedMeanwhile(store, request);
    if (raced !== undefined) {
      await store.imports.fail(begun.id, {
        reason: `duplicate of batch ${raced.id}, committed meanwhile`,
        counts,
      });
      return { outcome: 'duplicate', batch: raced };
    }
    const committed = await store.imports.commit(
      begun.id,
      report === undefined ? { counts } : { counts, report },
    );
    if (committed.status === 'committed') return { outcome: 'committed', batch: committed };
    // Another import of the same file committed between the check above and this commit.
    const winner = await committedMeanwhile(store, request);
    return winner === undefined
      ? { outcome: 'failed', batch: committed }
      : { outcome: 'duplicate', batch: winner };
  } catch (error) {
    const failure = { reason: describeFailure(error), counts };
    await store.imports.fail(begun.id, failure).catch(() => {
      // The store itself went away: fail the batch as soon as it answers again.
      void failWhenStoreAnswers(store.imports, begun.id, failure);
    });
    throw error;
  }
}
