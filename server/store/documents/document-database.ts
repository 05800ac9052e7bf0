/**
 * The small document-database port both adapters implement (nedb files, MongoDB wire). The
 * repositories in server/store/documents/ are written once against it, so the two adapters differ
 * only in how they talk to their engine. Filters use the subset of MongoDB query syntax that
 * nedb and FerretDB v1 both support: equality (an array field matches any element), $in, $gt,
 * $gte, $lt, $lte and $ne. Updates are $set only. Stored values are strings, finite numbers,
 * booleans, null, flat arrays of strings and sub-documents of those; opaque JSON is stored as text.
 */
import type { CollectionName } from './collections.js';

export type Filter = Readonly<Record<string, unknown>>;

/** A stored document: string _id and plain fields. */
export interface StoredDoc {
  readonly _id: string;
  readonly [field: string]: unknown;
}

/** What insert and replace accept: any object with a string _id (typed documents included). */
export interface NewDoc {
  readonly _id: string;
}

export interface FindOptions {
  readonly sort?: Readonly<Record<string, 1 | -1>>;
  readonly skip?: number;
  readonly limit?: number;
  /** Fields to return (plus _id); all when absent. */
  readonly fields?: readonly string[];
}

export interface DocumentCollection {
  /** Throws DuplicateKeyError when the _id or a unique field already exists. */
  insertOne(doc: NewDoc): Promise<void>;
  insertMany(docs: readonly NewDoc[]): Promise<void>;
  find(filter: Filter, options?: FindOptions): Promise<StoredDoc[]>;
  findOne(filter: Filter): Promise<StoredDoc | undefined>;
  /** Applies $set to the one document matching filter; resolves true when one matched. */
  updateOne(filter: Filter, set: Readonly<Record<string, unknown>>): Promise<boolean>;
  /** Inserts or replaces the document with this _id. */
  replace(doc: NewDoc): Promise<void>;
  deleteMany(filter: Filter): Promise<number>;
  count(filter: Filter): Promise<number>;
}

export interface IndexSpec {
  readonly field: string;
  readonly unique?: boolean;
  /** Documents without the field are left out of the index (FerretDB v1 ignores this, and lets any number of documents lack a unique field). */
  readonly sparse?: boolean;
}

export interface DocumentDatabase {
  collection(name: CollectionName): DocumentCollection;
  /** Atomically adds one to a named counter and returns the new value (1 for a new counter). */
  increment(counter: string): Promise<number>;
  /** Round trip to the engine; throws when it does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Raised by a driver when an insert collides with an existing _id or unique field. */
export class DuplicateKeyError extends Error {
  constructor(
    readonly collection: string,
    cause: unknown,
  ) {
    super(`duplicate key in ${collection}`, { cause });
    this.name = 'DuplicateKeyError';
  }
}
