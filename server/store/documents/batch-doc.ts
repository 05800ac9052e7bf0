/**
 * How an import batch is stored: the public ImportBatch fields plus the bookkeeping the store
 * needs (the de-duplication key, the importing process, its last sign of life, whether a failed
 * batch's rows are already deleted, and where its report is).
 */
import type { DataSource } from '../../domain/data-source.js';
import type { ImportBatch, ImportKind } from '../models/import-batch.js';
import type { BlobRef } from './blob-chunks.js';
import type { StoredDoc } from './document-database.js';

export interface BatchOwner {
  readonly host: string;
  readonly pid: number;
}

/** Batches stored before sources and reviews existed lack these fields; batchOf fills them in. */
type VerificationFields = 'source' | 'review' | 'corrects' | 'correctionReason';

export interface BatchDoc
  extends Omit<ImportBatch, 'id' | VerificationFields>, Partial<Pick<ImportBatch, VerificationFields>> {
  readonly _id: string;
  /** kind, period and file hash: the same file imported again for the same period is a duplicate. */
  readonly dedupeKey: string;
  readonly owner: BatchOwner;
  /** Updated on every append, so other servers can tell a live import from an abandoned one. */
  readonly heartbeatAt: string;
  /** Rows appended so far; becomes counts.stored at commit. */
  readonly appended: number;
  /** True once a failed batch's rows are deleted. */
  readonly purged: boolean;
  readonly reportRef: BlobRef | null;
  /** True once confirmed or returned: the review's conditional write matches `reviewed: {$ne: true}`. */
  readonly reviewed?: boolean;
}

/** The same file from another source (a street's check of a community's form) is not a duplicate. */
export function dedupeKey(
  kind: ImportKind,
  sha256: string,
  period: string | null,
  source: DataSource = 'self',
): string {
  const key = `${kind}|${period ?? '*'}|${sha256}`;
  return source === 'self' ? key : `${key}|${source}`;
}

/** Documents in importBatches are only ever written as BatchDoc. */
export function asBatchDoc(doc: StoredDoc): BatchDoc {
  return doc as unknown as BatchDoc;
}

export function batchOf(doc: BatchDoc): ImportBatch {
  return {
    id: doc._id,
    kind: doc.kind,
    actor: doc.actor,
    fileName: doc.fileName,
    sha256: doc.sha256,
    period: doc.period,
    periods: doc.periods,
    status: doc.status,
    createdAt: doc.createdAt,
    sequence: doc.sequence,
    committedAt: doc.committedAt,
    failedAt: doc.failedAt,
    failure: doc.failure,
    counts: doc.counts,
    issuesByReason: doc.issuesByReason,
    hasReport: doc.hasReport,
    source: doc.source ?? 'self',
    review: doc.review ?? null,
    corrects: doc.corrects ?? null,
    correctionReason: doc.correctionReason ?? null,
  };
}
