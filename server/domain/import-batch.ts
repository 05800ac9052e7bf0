/**
 * Import batches, one per file imported, as the store records them and the import pages show them.
 * The store's protocol and validators are in store/models/import-batch.ts.
 */
import type { IssueReason } from './validation-report.js';

export type ImportKind = 'units' | 'observations' | 'responses';
export type BatchStatus = 'pending' | 'committed' | 'failed';
/** What an import call reports: a duplicate is the earlier committed batch, returned unchanged. */
export type ImportOutcome = 'committed' | 'failed' | 'duplicate';

export interface BatchCounts {
  /** Data rows read from the file. */
  readonly rows: number;
  /** Rows (units or observations) stored; 0 unless committed. */
  readonly stored: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface ImportBatch {
  readonly id: string;
  readonly kind: ImportKind;
  /** Who imported: a user login or, from the command line, the system user. */
  readonly actor: string;
  readonly fileName: string;
  /** Hex SHA-256 of the file's bytes. */
  readonly sha256: string;
  /** The period the import was declared for, or null when the file names its periods. */
  readonly period: string | null;
  /** The periods the batch holds observations for (empty for units). */
  readonly periods: readonly string[];
  readonly status: BatchStatus;
  readonly createdAt: string;
  /** Monotonically increasing across all committed batches; null until committed. */
  readonly sequence: number | null;
  readonly committedAt: string | null;
  readonly failedAt: string | null;
  /** Why the batch failed, in one line; null unless failed. */
  readonly failure: string | null;
  readonly counts: BatchCounts;
  /** Issue counts by reason (the full list is in the report). */
  readonly issuesByReason: Readonly<Partial<Record<IssueReason, number>>>;
  readonly hasReport: boolean;
}
