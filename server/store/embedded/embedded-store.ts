/**
 * The embedded adapter: @seald-io/nedb data files under DATA_DIR. No server to install, which is
 * why it is the default for a think tank's laptop. One process owns the directory at a time
 * (data-dir-lock.ts); opening it fails any import a killed process left pending and removes the
 * results of any evaluation it was storing.
 */
import { mkdir } from 'node:fs/promises';
import { everyPendingBatch } from '../documents/batch-recovery.js';
import { DocumentStore } from '../documents/document-store.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { NedbDatabase } from './nedb-database.js';

export class EmbeddedStore extends DocumentStore {
  private constructor(
    db: NedbDatabase,
    private readonly lock: DataDirLock,
  ) {
    super('embedded', db, everyPendingBatch, 0);
  }

  static async open(dataDir: string): Promise<EmbeddedStore> {
    await mkdir(dataDir, { recursive: true });
    const lock = await lockDataDir(dataDir);
    try {
      const store = new EmbeddedStore(await NedbDatabase.open(dataDir), lock);
      await store.recoverAtOpen();
      return store;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  override async close(): Promise<void> {
    try {
      await super.close();
    } finally {
      await this.lock.release();
    }
  }
}
