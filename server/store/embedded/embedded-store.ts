/**
 * The embedded adapter: @seald-io/nedb data files under DATA_DIR. No server to install,
 * which is why it is the default for a think tank's laptop.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { JsonValue, Store, StoreHealth } from '../store.js';
import { assertSettingKey } from '../setting-key.js';
import { Datastore } from './nedb.js';

interface SettingDoc {
  _id: string;
  value: JsonValue;
}

export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;

  private constructor(private readonly settings: Datastore<SettingDoc>) {}

  static async open(dataDir: string): Promise<EmbeddedStore> {
    await mkdir(dataDir, { recursive: true });
    const settings = new Datastore<SettingDoc>({ filename: path.join(dataDir, 'settings.db') });
    await settings.loadDatabaseAsync();
    return new EmbeddedStore(settings);
  }

  async ping(): Promise<StoreHealth> {
    const started = performance.now();
    try {
      await this.settings.countAsync({});
      return { kind: this.kind, status: 'ok', latencyMs: performance.now() - started };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { kind: this.kind, status: 'down', latencyMs: performance.now() - started, error: message };
    }
  }

  async getSetting(key: string): Promise<JsonValue | undefined> {
    assertSettingKey(key);
    // nedb's typings omit the null it returns when nothing matches.
    const doc = (await this.settings.findOneAsync({ _id: key })) as SettingDoc | null;
    return doc === null ? undefined : doc.value;
  }

  async putSetting(key: string, value: JsonValue): Promise<void> {
    assertSettingKey(key);
    await this.settings.updateAsync({ _id: key }, { _id: key, value }, { upsert: true });
  }

  async close(): Promise<void> {
    await this.settings.compactDatafileAsync();
  }
}
