/**
 * The backup archive, format "zhili-backup/1": one gzip file of JSON lines, readable with
 * `zcat` and any JSON tool.
 *
 *   line 1       header  {format, createdAt, zhiliVersion, storeKind, collections: {name: count}}
 *   lines 2…n    one per document  {c: collection, d: the document as the store keeps it}
 *   last line    trailer {end: "zhili-backup/1", lines: n, sha256}: the hex SHA-256 of the n
 *                preceding lines, each with its "\n"
 *
 * The file may consist of several gzip members (header, body, trailer); gunzip joins them.
 *
 * @example {"format":"zhili-backup/1","createdAt":"2025-06-01T08:00:00.000Z","zhiliVersion":"0.1.0","storeKind":"embedded","collections":{"users":2}}
 */
import { compileValidator } from '../validation/compile.js';
import { BACKUP_COLLECTIONS } from './backup-collections.js';

export const ARCHIVE_FORMAT = 'zhili-backup/1';

export interface ArchiveHeader {
  readonly format: typeof ARCHIVE_FORMAT;
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
  readonly end: typeof ARCHIVE_FORMAT;
  /** Lines before the trailer: the header and every document. */
  readonly lines: number;
  readonly sha256: string;
}

const collectionName = { enum: BACKUP_COLLECTIONS } as const;

export const asArchiveHeader = compileValidator<ArchiveHeader>('archive header', {
  type: 'object',
  additionalProperties: false,
  required: ['format', 'createdAt', 'zhiliVersion', 'storeKind', 'collections'],
  properties: {
    format: { const: ARCHIVE_FORMAT },
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
    end: { const: ARCHIVE_FORMAT },
    lines: { type: 'integer', minimum: 1 },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  },
});
