/**
 * The mongo adapter: a MongoDB-wire server at MONGODB_URI (mongoose manages the connection), the
 * production path. Tested against a real server (FerretDB in our tests), never a mock. Several
 * Zhili processes may share the server, so at open only imports whose process is gone, or that
 * showed no sign of life for `staleImportAfterMs`, are failed, and only evaluation results written
 * at least that long ago without an evaluation are removed.
 */
import mongoose from 'mongoose';
import { StoreUnavailableError } from '../../errors.js';
import { abandonedBatches } from '../documents/batch-recovery.js';
import { DocumentStore } from '../documents/document-store.js';
import { MongoDatabase } from './mongo-database.js';

export interface MongoStoreOptions {
  readonly serverSelectionTimeoutMS?: number;
  /** A pending import silent for this long, or results without an evaluation this old, are abandoned (default 10 minutes). */
  readonly staleImportAfterMs?: number;
}

export class MongoStore extends DocumentStore {
  private constructor(db: MongoDatabase, staleImportAfterMs: number) {
    super('mongo', db, abandonedBatches(staleImportAfterMs), staleImportAfterMs);
  }

  static async open(uri: string, options: MongoStoreOptions = {}): Promise<MongoStore> {
    const connection = mongoose.createConnection(uri, {
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5000,
      autoIndex: false,
    });
    try {
      await connection.asPromise();
    } catch (error) {
      await connection.close().catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      throw new StoreUnavailableError(`cannot connect to MongoDB at MONGODB_URI: ${reason}`);
    }
    try {
      const store = new MongoStore(
        await MongoDatabase.open(connection),
        options.staleImportAfterMs ?? 10 * 60_000,
      );
      await store.recoverAtOpen();
      return store;
    } catch (error) {
      await connection.close().catch(() => undefined);
      throw error;
    }
  }
}
