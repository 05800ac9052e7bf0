import type { Config } from '../config.js';
import type { Store } from './store.js';
import { EmbeddedStore } from './embedded/embedded-store.js';
import { MongoStore } from './mongo/mongo-store.js';

/** Opens the adapter the configuration names: mongo when MONGODB_URI is set, else embedded. */
export async function openStore(config: Pick<Config, 'mongodbUri' | 'dataDir'>): Promise<Store> {
  return config.mongodbUri === undefined
    ? EmbeddedStore.open(config.dataDir)
    : MongoStore.open(config.mongodbUri);
}
