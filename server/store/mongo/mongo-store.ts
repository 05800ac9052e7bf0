/**
 * The mongo adapter: mongoose against MONGODB_URI, the production path. Tested against a real
 * MongoDB-wire server (FerretDB in our tests), never a mock. It avoids what FerretDB v1 lacks
 * (transactions, $lookup, projections on findOneAndUpdate …; see DESIGN.md).
 */
import mongoose, { type Connection, type Model } from 'mongoose';
import type { JsonValue, Store, StoreHealth } from '../store.js';
import { assertSettingKey } from '../setting-key.js';
import { StoreUnavailableError } from '../../errors.js';

/** Stored as Mixed: typed as unknown here to keep mongoose's generics shallow. */
interface SettingDoc {
  _id: string;
  value: unknown;
}

const settingSchema = new mongoose.Schema<SettingDoc>(
  { _id: String, value: mongoose.Schema.Types.Mixed },
  { versionKey: false, collection: 'settings', minimize: false },
);

export class MongoStore implements Store {
  readonly kind = 'mongo' as const;

  private constructor(
    private readonly connection: Connection,
    private readonly settings: Model<SettingDoc>,
  ) {}

  static async open(uri: string, options: { serverSelectionTimeoutMS?: number } = {}): Promise<MongoStore> {
    const connection = mongoose.createConnection(uri, {
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5000,
      autoIndex: true,
    });
    try {
      await connection.asPromise();
    } catch (error) {
      await connection.close().catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      throw new StoreUnavailableError(`cannot connect to MongoDB at MONGODB_URI: ${reason}`);
    }
    return new MongoStore(connection, connection.model<SettingDoc>('Setting', settingSchema));
  }

  async ping(): Promise<StoreHealth> {
    const started = performance.now();
    try {
      const db = this.connection.db;
      if (db === undefined) throw new Error('not connected');
      await db.command({ ping: 1 });
      return { kind: this.kind, status: 'ok', latencyMs: performance.now() - started };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { kind: this.kind, status: 'down', latencyMs: performance.now() - started, error: message };
    }
  }

  async getSetting(key: string): Promise<JsonValue | undefined> {
    assertSettingKey(key);
    const doc = await this.settings.findById(key).lean<SettingDoc>().exec();
    return doc === null ? undefined : (doc.value as JsonValue);
  }

  async putSetting(key: string, value: JsonValue): Promise<void> {
    assertSettingKey(key);
    await this.settings.replaceOne({ _id: key }, { _id: key, value }, { upsert: true }).exec();
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
