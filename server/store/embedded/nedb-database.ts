/**
 * The DocumentDatabase port over @seald-io/nedb: one data file per collection under the data
 * directory, loaded into memory at open. nedb runs every operation of a datastore through one
 * queue, and each write is one append of whole lines, so a single-document update is atomic.
 */
import path from 'node:path';
import { COLLECTIONS, type CollectionName } from '../documents/collections.js';
import {
  DuplicateKeyError,
  type DocumentCollection,
  type DocumentDatabase,
  type Filter,
  type FindOptions,
  type NewDoc,
  type StoredDoc,
} from '../documents/document-database.js';
import { Datastore } from './nedb.js';
import { cutTornAppend } from './torn-append.js';

type Row = Record<string, unknown>;

function isUniqueViolation(error: unknown): boolean {
  return (error as { errorType?: string } | null)?.errorType === 'uniqueViolated';
}

function projectionOf(fields: readonly string[] | undefined): Record<string, 1> | undefined {
  if (fields === undefined) return undefined;
  return Object.fromEntries(fields.map((field) => [field, 1 as const]));
}

class NedbCollection implements DocumentCollection {
  constructor(
    private readonly name: string,
    private readonly store: Datastore<Row>,
  ) {}

  async insertOne(doc: NewDoc): Promise<void> {
    await this.insertMany([doc]);
  }

  async insertMany(docs: readonly NewDoc[]): Promise<void> {
    if (docs.length === 0) return;
    try {
      await this.store.insertAsync(docs.map((doc) => ({ ...doc })));
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateKeyError(this.name, error);
      throw error;
    }
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<StoredDoc[]> {
    let cursor = this.store.findAsync(filter, projectionOf(options.fields));
    if (options.sort !== undefined) cursor = cursor.sort(options.sort);
    if (options.skip !== undefined) cursor = cursor.skip(options.skip);
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    // nedb's cursor typings describe one document; at run time it resolves to the array.
    return (await cursor) as unknown as StoredDoc[];
  }

  async findOne(filter: Filter): Promise<StoredDoc | undefined> {
    const doc = (await this.store.findOneAsync(filter)) as StoredDoc | null;
    return doc ?? undefined;
  }

  async updateOne(filter: Filter, set: Readonly<Record<string, unknown>>): Promise<boolean> {
    const { numAffected } = await this.store.updateAsync(filter, { $set: set }, { multi: false });
    return numAffected === 1;
  }

  async replace(doc: NewDoc): Promise<void> {
    await this.store.updateAsync({ _id: doc._id }, { ...doc }, { upsert: true });
  }

  async deleteMany(filter: Filter): Promise<number> {
    return this.store.removeAsync(filter, { multi: true });
  }

  async count(filter: Filter): Promise<number> {
    return this.store.countAsync(filter);
  }

  /** Adds one to the `value` of the document with this _id (created at 1) and returns it. */
  async increment(id: string): Promise<number> {
    const { affectedDocuments } = await this.store.updateAsync(
      { _id: id },
      { $inc: { value: 1 } },
      { upsert: true, returnUpdatedDocs: true },
    );
    const value = (affectedDocuments as { value?: unknown } | null)?.value;
    if (typeof value !== 'number') throw new Error(`counter ${id} did not return a number`);
    return value;
  }

  async compact(): Promise<void> {
    await this.store.compactDatafileAsync();
  }
}

export class NedbDatabase implements DocumentDatabase {
  private constructor(private readonly collections: ReadonlyMap<string, NedbCollection>) {}

  /** Loads (and indexes) every collection's file under `dir`, first cutting any torn append. */
  static async open(dir: string): Promise<NedbDatabase> {
    const collections = new Map<string, NedbCollection>();
    for (const [name, indexes] of Object.entries(COLLECTIONS)) {
      const filename = path.join(dir, `${name}.db`);
      await cutTornAppend(filename);
      const store = new Datastore<Row>({ filename });
      await store.loadDatabaseAsync();
      for (const index of indexes) {
        await store.ensureIndexAsync({
          fieldName: index.field,
          unique: 'unique' in index && index.unique,
          sparse: 'sparse' in index && index.sparse,
        });
      }
      collections.set(name, new NedbCollection(name, store));
    }
    return new NedbDatabase(collections);
  }

  collection(name: CollectionName): NedbCollection {
    const found = this.collections.get(name);
    if (found === undefined) throw new Error(`no such collection: ${name}`);
    return found;
  }

  async increment(counter: string): Promise<number> {
    return this.collection('counters').increment(counter);
  }

  async ping(): Promise<void> {
    await this.collection('settings').count({});
  }

  /**
   * Nothing to flush: every write was appended to its file before it resolved, and nedb rewrites
   * each file without superseded lines when it loads it. Closing stays instant, so a server that
   * is stopped does not keep writing after it said it stopped.
   */
  async close(): Promise<void> {
    await Promise.resolve();
  }
}
