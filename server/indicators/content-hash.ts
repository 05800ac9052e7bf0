/**
 * Content hashes that evaluations cite: sha256 over canonical JSON (object keys sorted at every
 * level, no whitespace), so that reformatting a file or reordering its keys keeps the hash and
 * any change of content changes it.
 *
 * @example contentHash({ b: 1, a: [2] }) === contentHash({ a: [2], b: 1 })
 */
import { createHash } from 'node:crypto';

/** JSON text with object keys sorted; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

/** `sha256:` followed by the hex digest of the canonical JSON. */
export function contentHash(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}
