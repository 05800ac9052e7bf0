/**
 * The one storage interface (DESIGN.md, "Storage"). Two adapters implement it:
 * embedded/ (files under DATA_DIR, the default) and mongo/ (mongoose against MONGODB_URI).
 * Nothing outside server/store imports mongoose or nedb.
 */
export type StoreKind = 'embedded' | 'mongo';

export interface StoreHealth {
  readonly kind: StoreKind;
  readonly status: 'ok' | 'down';
  /** Round-trip time of the ping, in milliseconds. */
  readonly latencyMs: number;
  /** Why the store is down; absent when it is ok. */
  readonly error?: string;
}

/** A JSON value as the store accepts it: no functions, no undefined, no NaN. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface Store {
  readonly kind: StoreKind;
  /** Checks the store answers; never throws. */
  ping(): Promise<StoreHealth>;
  /** Small key/value settings (schema version, bootstrap state, …). */
  getSetting(key: string): Promise<JsonValue | undefined>;
  putSetting(key: string, value: JsonValue): Promise<void>;
  close(): Promise<void>;
}
