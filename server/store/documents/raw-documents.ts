/**
 * The documents of every collection exactly as kept, for backup and restore. Dumping reads a page
 * at a time in _id order (each page starts after the last _id seen), so a collection of any size
 * streams without being held in memory and without skip() getting slower page by page. Every
 * stored value is already plain JSON (packed data is base64 text), so what is dumped can travel
 * as JSON and be loaded back unchanged.
 *
 * @example for await (const doc of raw.dump('users')) console.log(doc._id);
 */
import { ValidationError } from '../../errors.js';
import type { RawDocument, RawDocumentStore } from '../store.js';
import { COLLECTIONS, type CollectionName } from './collections.js';
import type { DocumentCollection, DocumentDatabase } from './document-database.js';

/**
 * Documents per page. Chunks of packed rows are about 0.3 MB each and result blobs up to a few
 * MB, so they come in smaller pages; pages stay large because FerretDB reads the whole collection
 * for every sorted page (64 chunks per page took 0.75 s where 16 per page took 3.3 s).
 */
const PAGE_SIZES: Readonly<Record<string, number>> = {
  unitChunks: 64,
  observationChunks: 64,
  blobChunks: 16,
};
const PAGE = 1000;

function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(COLLECTIONS, name);
}

export class RawDocuments implements RawDocumentStore {
  constructor(private readonly db: DocumentDatabase) {}

  collections(): readonly string[] {
    return Object.keys(COLLECTIONS);
  }

  private collection(name: string): DocumentCollection {
    if (!isCollectionName(name)) {
      throw new ValidationError(`the store has no collection ${JSON.stringify(name)}`, [
        { where: 'collection', message: `use one of ${this.collections().join(', ')}` },
      ]);
    }
    return this.db.collection(name);
  }

  count(collection: string): Promise<number> {
    return this.collection(collection).count({});
  }

  async *dump(collection: string): AsyncIterable<RawDocument> {
    const documents = this.collection(collection);
    const limit = PAGE_SIZES[collection] ?? PAGE;
    let after: string | undefined;
    for (;;) {
      const filter = after === undefined ? {} : { _id: { $gt: after } };
      const page = await documents.find(filter, { sort: { _id: 1 }, limit });
      for (const doc of page) yield doc;
      const last = page.at(-1);
      if (page.length < limit || last === undefined) return;
      after = last._id;
    }
  }

  async load(collection: string, docs: readonly RawDocument[]): Promise<void> {
    const documents = this.collection(collection);
    // A fresh store may already hold settings (the setup secret's hash): restored ones replace them.
    if (collection === 'settings') for (const doc of docs) await documents.replace(doc);
    else await documents.insertMany(docs);
  }

  clear(collection: string, keep?: string): Promise<number> {
    return this.collection(collection).deleteMany(keep === undefined ? {} : { _id: { $ne: keep } });
  }
}
