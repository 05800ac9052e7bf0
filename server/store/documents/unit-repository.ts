/**
 * Units over the document port. Every unit import stores its own copy of each unit it names (in
 * packed chunks, see unit-chunks.ts); the current unit is the copy from the committed batch with
 * the highest sequence.
 */
import type { StoredUnit } from '../models/unit.js';
import type { UnitQuery, UnitStore } from '../store.js';
import { committedBatches, SELECTIVE_LOOKUP, type CommittedBatch } from './committed-batches.js';
import type { DocumentCollection } from './document-database.js';
import { asUnitChunkDoc, decodeUnitChunk } from './unit-chunks.js';

const byCode = (a: StoredUnit, b: StoredUnit): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

function latestPerCode(copies: readonly StoredUnit[]): StoredUnit[] {
  const latest = new Map<string, StoredUnit>();
  for (const copy of copies) {
    const seen = latest.get(copy.code);
    if (seen === undefined || copy.sequence > seen.sequence) latest.set(copy.code, copy);
  }
  return [...latest.values()].sort(byCode);
}

/**
 * The decoded copies of every committed unit batch, kept while the set of committed unit batches
 * stays the same (checked on every read, so another process's commit is seen at once). Lists no
 * longer decompress every chunk per request, which under a concurrent import waited behind the
 * import's own compression in libuv's thread pool (units list p50 2.7 s under load).
 */
interface CopiesSnapshot {
  readonly key: string;
  readonly copies: readonly StoredUnit[];
}

export class UnitRepository implements UnitStore {
  private snapshot: CopiesSnapshot | undefined;

  constructor(
    private readonly chunks: DocumentCollection,
    private readonly batches: DocumentCollection,
  ) {}

  async list(query: UnitQuery = {}): Promise<StoredUnit[]> {
    let current = latestPerCode(await this.committedCopies(query.codes));
    if (query.level !== undefined) current = current.filter((unit) => unit.level === query.level);
    if (query.parent !== undefined) current = current.filter((unit) => unit.parent === query.parent);
    const start = Math.max(query.offset ?? 0, 0);
    return query.limit === undefined
      ? current.slice(start)
      : current.slice(start, start + Math.max(query.limit, 0));
  }

  async get(code: string): Promise<StoredUnit | undefined> {
    return (await this.history(code))[0];
  }

  async codes(): Promise<string[]> {
    const batches = await committedBatches(this.batches, 'units');
    const docs = await this.chunks.find({ batch: { $in: batches.map((b) => b.id) } }, { fields: ['codes'] });
    return [...new Set(docs.flatMap((doc) => asUnitChunkDoc(doc).codes))].sort();
  }

  async history(code: string): Promise<StoredUnit[]> {
    return (await this.committedCopies([code])).sort((a, b) => b.sequence - a.sequence);
  }

  /** Every committed copy of the units (of these codes), each with its batch's sequence. */
  private async committedCopies(codes?: readonly string[]): Promise<StoredUnit[]> {
    const batches = await committedBatches(this.batches, 'units');
    if (codes !== undefined) return this.readCopies(batches, codes);
    const key = batches.map((b) => `${b.id}:${String(b.sequence)}`).join(',');
    if (this.snapshot?.key !== key) this.snapshot = { key, copies: await this.readCopies(batches) };
    return [...this.snapshot.copies];
  }

  private async readCopies(
    batches: readonly CommittedBatch[],
    codes?: readonly string[],
  ): Promise<StoredUnit[]> {
    const sequenceOf = new Map(batches.map((b) => [b.id, b.sequence]));
    const filter: Record<string, unknown> = { batch: { $in: [...sequenceOf.keys()] } };
    // An indexed lookup pays for a few codes; for many, reading every chunk once is cheaper.
    if (codes !== undefined && codes.length <= SELECTIVE_LOOKUP) filter.codes = { $in: [...codes] };
    const docs = (await this.chunks.find(filter)).map(asUnitChunkDoc);
    const only = codes === undefined ? undefined : new Set(codes);
    const decoded = await Promise.all(docs.map((doc) => decodeUnitChunk(doc, only)));
    return docs.flatMap((doc, i) =>
      (decoded[i] ?? []).map((unit) => ({
        ...unit,
        batch: doc.batch,
        sequence: sequenceOf.get(doc.batch) ?? 0,
      })),
    );
  }
}
