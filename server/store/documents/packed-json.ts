/**
 * JSON packed for storage: JSON text, gzip (level 1: fast, and still 5–10× smaller on tables of
 * numbers), then base64. FerretDB converts every BSON value it stores, so a few long strings
 * instead of millions of small values is what makes large imports and results fast; base64 needs
 * no escaping in either engine.
 *
 * @example await unpackJson(await packJson({ a: [1, 2] })) // { a: [1, 2] }
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { JsonValue } from '../store.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export interface Packed {
  /** base64 of the gzipped JSON text. */
  readonly data: string;
  /** Length of the JSON text in bytes. */
  readonly bytes: number;
  /** Hex SHA-256 of the JSON text. */
  readonly sha256: string;
}

/** `value` must already be checked (assertStorableJson or a schema): it is stored as JSON.stringify writes it. */
export async function packJson(value: unknown): Promise<Packed> {
  const text = Buffer.from(JSON.stringify(value), 'utf8');
  const zipped = await gzipAsync(text, { level: 1 });
  return {
    data: zipped.toString('base64'),
    bytes: text.length,
    sha256: createHash('sha256').update(text).digest('hex'),
  };
}

/** Trusted input only: what packJson wrote (it was validated before it was packed). */
export async function unpackJson(data: string): Promise<JsonValue> {
  const text = await gunzipAsync(Buffer.from(data, 'base64'));
  return JSON.parse(text.toString('utf8')) as JsonValue;
}
