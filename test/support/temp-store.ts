import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';

/** An embedded store in a fresh temporary directory, removed again by dispose(). */
export async function tempEmbeddedStore(): Promise<{ store: EmbeddedStore; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-store-'));
  const store = await EmbeddedStore.open(dir);
  return {
    store,
    dispose: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
