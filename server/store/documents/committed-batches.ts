/**
 * The committed batches readers may see, newest (highest sequence) first. Reading this list
 * first and then only rows of these batches is what keeps pending and failed batches invisible:
 * a batch that commits later is simply not in this snapshot.
 */
import {
  isDataSource,
  valueStatus,
  type BatchReview,
  type DataSource,
  type ValueStatus,
} from '../../domain/data-source.js';
import type { ImportKind } from '../models/import-batch.js';
import type { DocumentCollection, Filter } from './document-database.js';

/** Up to this many codes, chunks are looked up by code (an index on the code arrays); beyond, all are read. */
export const SELECTIVE_LOOKUP = 100;

export interface CommittedBatch {
  readonly id: string;
  readonly sequence: number;
}

export async function committedBatches(
  batches: DocumentCollection,
  kind: ImportKind,
  period?: string,
): Promise<CommittedBatch[]> {
  const filter: Filter =
    period === undefined ? { kind, status: 'committed' } : { kind, status: 'committed', periods: period };
  const docs = await batches.find(filter, { fields: ['sequence'] });
  return docs
    .map((doc) => ({ id: doc._id, sequence: Number(doc.sequence) }))
    .sort((a, b) => b.sequence - a.sequence);
}

export interface CommittedObservationBatch extends CommittedBatch {
  readonly source: DataSource;
  readonly status: ValueStatus;
}

/**
 * The committed observations batches of a period that readers may use, newest first, with their
 * source and value status: a returned batch is left out (its figures were sent back).
 */
export async function usableObservationBatches(
  batches: DocumentCollection,
  period: string,
): Promise<CommittedObservationBatch[]> {
  return (await observationBatches(batches, period)).filter((batch) => batch.status !== 'returned');
}

/** Every committed observations batch of a period, returned ones included, newest first. */
export async function observationBatches(
  batches: DocumentCollection,
  period: string,
): Promise<CommittedObservationBatch[]> {
  const docs = await batches.find(
    { kind: 'observations', status: 'committed', periods: period },
    { fields: ['sequence', 'source', 'review'] },
  );
  return docs
    .map((doc) => {
      const source = isDataSource(doc.source) ? doc.source : 'self';
      const review = (doc.review ?? null) as BatchReview | null;
      return { id: doc._id, sequence: Number(doc.sequence), source, status: valueStatus(source, review) };
    })
    .sort((a, b) => b.sequence - a.sequence);
}
