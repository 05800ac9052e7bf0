/**
 * The DocumentDatabase port over a MongoDB-wire server, through mongoose's connection and the
 * driver's collections. It uses only what FerretDB v1 supports: no transactions, no aggregation,
 * findOneAndUpdate without a projection (for the counters), plain indexes and unique ones.
 * Validation happens before this layer (ajv at the store boundary), so mongoose schemas would
 * only repeat it and slow a 100,000-row import down with casting. An operation that cannot reach
 * the server throws StoreUnavailableError (unavailable.ts).
 */
import type { Connection } from 'mongoose';
import type { Collection, Db, Document } from 'mongodb';
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
import { reachable } from './unavailable.js';

const DUPLICATE_KEY = 11000;

/** Our documents as the driver sees them: string ids, plain fields. */
interface WireDoc {
  _id: string;
  [field: string]: unknown;
}

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === DUPLICATE_KEY;
}

/** Copies a document for the driver, which adds fields (such as _id) to what it is given. */
function toWire(doc: NewDoc): WireDoc {
  return { ...doc };
}

function projectionOf(fields: readonly string[] | undefined): Document | undefined {
  if (fields === undefined) return undefined;
  return Object.fromEntries(fields.map((field) => [field, 1]));
}

class MongoCollection implements DocumentCollection {
  constructor(
    private readonly name: string,
    private readonly collection: Collection<WireDoc>,
  ) {}

  async insertOne(doc: NewDoc): Promise<void> {
    try {
      await reachable(() => this.collection.insertOne(toWire(doc)));
    } catch (error) {
      if (isDuplicateKey(error)) throw new DuplicateKeyError(this.name, error);
      throw error;
    }
  }

  async insertMany(docs: readonly NewDoc[]): Promise<void> {
    if (docs.length === 0) return;
    try {
      await reachable(() => this.collection.insertMany(docs.map(toWire), { ordered: true }));
    } catch (error) {
      if (isDuplicateKey(error)) throw new DuplicateKeyError(this.name, error);
      throw error;
    }
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<StoredDoc[]> {
    let cursor = this.collection.find(filter);
    const projection = projectionOf(options.fields);
    if (projection !== undefined) cursor = cursor.project(projection);
    if (options.sort !== undefined) cursor = cursor.sort({ ...options.sort });
    if (options.skip !== undefined) cursor = cursor.skip(options.skip);
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    return reachable(() => cursor.toArray());
  }

  async findOne(filter: Filter): Promise<StoredDoc | undefined> {
    const doc = await reachable(() => this.collection.findOne(filter));
    return doc ?? undefined;
  }

  async updateOne(filter: Filter, set: Readonly<Record<string, unknown>>): Promise<boolean> {
    const result = await reachable(() => this.collection.updateOne(filter, { $set: { ...set } }));
    return result.matchedCount === 1;
  }

  async replace(doc: NewDoc): Promise<void> {
    await reachable(() => this.collection.replaceOne({ _id: doc._id }, toWire(doc), { upsert: true }));
  }

  async deleteMany(filter: Filter): Promise<number> {
    return (await reachable(() => this.collection.deleteMany(filter))).deletedCount;
  }

  async count(filter: Filter): Promise<number> {
    return reachable(() => this.collection.countDocuments(filter));
  }
}

export class MongoDatabase implements DocumentDatabase {
  private constructor(
    private readonly connection: Connection,
    private readonly db: Db,
  ) {}

  /** Wraps an open connection and creates the indexes every collection needs. */
  static async open(connection: Connection): Promise<MongoDatabase> {
    const db = connection.db;
    if (db === undefined) throw new Error('mongoose connection has no database');
    for (const [name, indexes] of Object.entries(COLLECTIONS)) {
      for (const index of indexes) {
        const unique = 'unique' in index && index.unique;
        const sparse = 'sparse' in index ? { sparse: index.sparse } : {};
        await db
          .collection(name)
          .createIndex({ [index.field]: 1 }, { unique, ...sparse, name: `${index.field}_1` }, undefined);
      }
    }
    return new MongoDatabase(connection, db);
  }

  collection(name: CollectionName): DocumentCollection {
    return new MongoCollection(name, this.db.collection<WireDoc>(name));
  }

  async increment(counter: string): Promise<number> {
    // No projection option: FerretDB v1 rejects findOneAndUpdate with one.
    const doc = await reachable(() =>
      this.db
        .collection<{ _id: string; value: number }>('counters')
        .findOneAndUpdate(
          { _id: counter },
          { $inc: { value: 1 } },
          { upsert: true, returnDocument: 'after' },
        ),
    );
    if (doc === null) throw new Error(`counter ${counter} returned nothing`);
    return doc.value;
  }

  async ping(): Promise<void> {
    await reachable(() => this.db.command({ ping: 1 }));
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
