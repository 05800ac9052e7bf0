/**
 * The backup archive, format "zhili-backup/2": one gzip file of JSON lines, readable with
 * `zcat` and any JSON tool.
 *
 *   line 1       header  {format, createdAt, zhiliVersion, storeKind, collections: {name: count}}
 *   lines 2…n    one per document  {c: collection, d: the document as the store keeps it}
 *   last line    trailer {end: "zhili-backup/2", lines: n, sha256, hmac, keyId}: the hex SHA-256
 *                of the n preceding lines, each with its "\n"; the hex HMAC-SHA-256 of the same
 *                text under the administrator's backup key, and that key's id (both null when
 *                the archive was written without a key)
 *
 * The SHA-256 catches damage; only the HMAC catches an edit, since anyone can recompute a
 * SHA-256. Format "zhili-backup/1" is the same without hmac and keyId, read as unsigned.
 *
 * The file may consist of several gzip members (header, body, trailer); gunzip joins them.
 *
 * @example {"format":"zhili-backup/2","createdAt":"2025-06-01T08:00:00.000Z","zhiliVersion":"0.1.0","storeKind":"embedded","collections":{"users":2}}
 */
import { compileValidator } from '../validation/compile.js';
import { BACKUP_COLLECTIONS } from './backup-collections.js';

export const ARCHIVE_FORMAT = 'zhili-backup/2';
/** The first format: no signature, so it restores only when unsigned archives are allowed. */
export const UNSIGNED_FORMAT = 'zhili-backup/1';
export type ArchiveFormat = typeof ARCHIVE_FORMAT | typeof UNSIGNED_FORMAT;
export const READABLE_FORMATS: readonly ArchiveFormat[] = [ARCHIVE_FORMAT, UNSIGNED_FORMAT];

export interface ArchiveHeader {
  readonly format: ArchiveFormat;
  readonly createdAt: string;
  readonly zhiliVersion: string;
  readonly storeKind: string;
  /** How many documents of each collection follow. */
  readonly collections: Readonly<Record<string, number>>;
}

export interface ArchiveDocument {
  readonly c: string;
  readonly d: { readonly _id: string; readonly [field: string]: unknown };
}

export interface ArchiveTrailer {
  readonly end: ArchiveFormat;
  /** Lines before the trailer: the header and every document. */
  readonly lines: number;
  readonly sha256: string;
  /** Absent in format 1; null when written without a key. */
  readonly hmac?: string | null;
  readonly keyId?: string | null;
}

const collectionName = { enum: BACKUP_COLLECTIONS } as const;

export const asArchiveHeader = compileValidator<ArchiveHeader>('archive header', {
  type: 'object',
  additionalProperties: false,
  required: ['format', 'createdAt', 'zhiliVersion', 'storeKind', 'collections'],
  properties: {
    format: { enum: READABLE_FORMATS },
    createdAt: { type: 'string', format: 'date-time' },
    zhiliVersion: { type: 'string', minLength: 1, maxLength: 50 },
    storeKind: { type: 'string', minLength: 1, maxLength: 50 },
    collections: {
      type: 'object',
      propertyNames: collectionName,
      additionalProperties: { type: 'integer', minimum: 0 },
    },
  },
});

export const asArchiveDocument = compileValidator<ArchiveDocument>('archive document', {
  type: 'object',
  additionalProperties: false,
  required: ['c', 'd'],
  properties: {
    c: collectionName,
    d: {
      type: 'object',
      required: ['_id'],
      properties: { _id: { type: 'string', minLength: 1, maxLength: 200 } },
    },
  },
});

export const asArchiveTrailer = compileValidator<ArchiveTrailer>('archive trailer', {
  type: 'object',
  additionalProperties: false,
  required: ['end', 'lines', 'sha256'],
  properties: {
    end: { enum: READABLE_FORMATS },
    lines: { type: 'integer', minimum: 1 },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    hmac: { type: ['string', 'null'], pattern: '^[0-9a-f]{64}$' },
    keyId: { type: ['string', 'null'], pattern: '^[0-9a-f]{16}$' },
  },
});
