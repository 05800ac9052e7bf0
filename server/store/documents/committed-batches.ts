/**
 * The committed batches readers may see, newest (highest sequence) first. Reading this list
 * first and then only rows of these batches is what keeps pending and failed batches invisible:
 * a batch that commits later is simply not in this snapshot.
 */
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
