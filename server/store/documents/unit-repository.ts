/**
 * Units over the document port. Every unit import stores its own copy of each unit it names;
 * the current unit is the copy from the committed batch with the highest sequence.
 */
import type { StoredUnit, Unit } from '../models/unit.js';
import type { UnitQuery, UnitStore } from '../store.js';
import { committedBatches, type CommittedBatch } from './committed-batches.js';
import type { DocumentCollection, StoredDoc } from './document-database.js';

type UnitDoc = Unit & { readonly _id: string; readonly batch: string };

function storedUnit(doc: StoredDoc, sequence: number): StoredUnit {
  const { code, name, level, parent, attributes, batch } = doc as unknown as UnitDoc;
  return { code, name, level, parent, attributes, batch, sequence };
}

/** Every committed copy of the units the filter selects, each with its batch's sequence. */
async function committedCopies(
  units: DocumentCollection,
  batches: readonly CommittedBatch[],
  filter: Record<string, unknown>,
): Promise<StoredUnit[]> {
  const sequenceOf = new Map(batches.map((b) => [b.id, b.sequence]));
  const docs = await units.find({ ...filter, batch: { $in: [...sequenceOf.keys()] } });
  return docs.map((doc) => storedUnit(doc, sequenceOf.get(String(doc.batch)) ?? 0));
}

function latestPerCode(copies: readonly StoredUnit[]): StoredUnit[] {
  const latest = new Map<string, StoredUnit>();
  for (const copy of copies) {
    const seen = latest.get(copy.code);
    if (seen === undefined || copy.sequence > seen.sequence) latest.set(copy.code, copy);
  }
  return [...latest.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export class UnitRepository implements UnitStore {
  constructor(
    private readonly units: DocumentCollection,
    private readonly batches: DocumentCollection,
  ) {}

  async list(query: UnitQuery = {}): Promise<StoredUnit[]> {
    const filter = query.codes === undefined ? {} : { code: { $in: [...query.codes] } };
    const batches = await committedBatches(this.batches, 'units');
    let current = latestPerCode(await committedCopies(this.units, batches, filter));
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
    const docs = await this.units.find({ batch: { $in: batches.map((b) => b.id) } }, { fields: ['code'] });
    return [...new Set(docs.map((doc) => (typeof doc.code === 'string' ? doc.code : '')))].sort();
  }

  async history(code: string): Promise<StoredUnit[]> {
    const batches = await committedBatches(this.batches, 'units');
    const copies = await committedCopies(this.units, batches, { code });
    return copies.sort((a, b) => b.sequence - a.sequence);
  }
}
