/**
 * Reads a backup archive line by line and checks everything a restore relies on: the header's
 * format, each document line's shape (a known collection, a string _id, keys that are safe to
 * store), the per-collection counts the header promised, every stored blob against the SHA-256
 * its owner recorded, and the trailer's line count and checksum. With a key it also computes the
 * HMAC and says what the signature proves (archive-signature.ts); whether that suffices is the
 * restore's decision. Without a sink it only verifies; with one it hands each document over as it
 * goes, so a restore checks the archive a second time while it writes.
 *
 * @example const { header, signature } = await readArchive('zhili.backup.gz', undefined, { key }); // throws when damaged
 */
import { createHash, createHmac } from 'node:crypto';
import path from 'node:path';
import { AppError, ValidationError } from '../errors.js';
import type { RawDocument } from '../store/store.js';
import { assertStorableJson } from '../store/validation/safe-json.js';
import {
  ARCHIVE_FORMAT,
  asArchiveDocument,
  asArchiveHeader,
  asArchiveTrailer,
  READABLE_FORMATS,
  UNSIGNED_FORMAT,
  type ArchiveFormat,
  type ArchiveHeader,
} from './archive-format.js';
import { archiveLines } from './archive-lines.js';
import { signatureOf, type SignatureStatus } from './archive-signature.js';
import type { BackupKey } from './backup-key.js';
import { BlobCheck, BlobProblem } from './blob-check.js';

export interface ArchiveSink {
  /** `chars` is the length of the document's line, for batching by size. */
  document(collection: string, doc: RawDocument, chars: number): Promise<void>;
}

export interface ReadOptions {
  /** The backup key to check the signature with. */
  readonly key?: BackupKey;
}

export interface ArchiveContents {
  readonly header: ArchiveHeader;
  readonly documents: number;
  readonly sha256: string;
  readonly signature: SignatureStatus;
  /** The id of the key the archive says signed it (null or undefined when unsigned). */
  readonly keyId: string | null | undefined;
}

class ArchiveProblem extends Error {}

function isReadable(format: unknown): format is ArchiveFormat {
  return READABLE_FORMATS.some((known) => known === format);
}

function parseLine(line: string, number: number): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    throw new ArchiveProblem(`line ${number} is not JSON`);
  }
}

function checked<T>(narrow: () => T, number: number): T {
  try {
    return narrow();
  } catch (error) {
    if (error instanceof AppError) throw new ArchiveProblem(`line ${number}: ${error.message}`);
    throw error;
  }
}

function headerOf(value: unknown): ArchiveHeader {
  const format = (value as { format?: unknown } | null)?.format;
  if (!isReadable(format)) {
    throw new ArchiveProblem(
      typeof format === 'string'
        ? `its format is ${format}; this Zhili reads ${ARCHIVE_FORMAT} (and ${UNSIGNED_FORMAT}, as unsigned)`
        : 'line 1 is not a Zhili backup header',
    );
  }
  return checked(() => asArchiveHeader(value), 1);
}

function isTrailer(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'end' in value;
}

async function walk(
  file: string,
  sink: ArchiveSink | undefined,
  key: BackupKey | undefined,
): Promise<ArchiveContents> {
  const hash = createHash('sha256');
  const hmac = key === undefined ? undefined : createHmac('sha256', key.bytes);
  const blobs = new BlobCheck();
  const found = new Map<string, number>();
  let header: ArchiveHeader | undefined;
  let trailerAt: number | undefined;
  let number = 0;
  let sha256 = '';
  let signature: SignatureStatus = 'unsigned';
  let keyId: string | null | undefined;
  for await (const line of archiveLines(file)) {
    number += 1;
    if (trailerAt !== undefined) throw new ArchiveProblem(`line ${number} follows the trailer`);
    const value = parseLine(line, number);
    if (header === undefined) {
      header = headerOf(value);
    } else if (isTrailer(value)) {
      const trailer = checked(() => asArchiveTrailer(value), number);
      sha256 = hash.digest('hex');
      if (trailer.end !== header.format)
        throw new ArchiveProblem(`the trailer ends ${trailer.end}, the header began ${header.format}`);
      if (trailer.lines !== number - 1)
        throw new ArchiveProblem(`the trailer counts ${trailer.lines} lines, the archive has ${number - 1}`);
      if (trailer.sha256 !== sha256) throw new ArchiveProblem('its checksum does not match: it was altered');
      if (trailer.end === ARCHIVE_FORMAT && (trailer.hmac === undefined || trailer.keyId === undefined))
        throw new ArchiveProblem('its trailer lacks the signature fields (hmac, keyId)');
      signature = signatureOf(trailer, hmac?.digest('hex'), key);
      keyId = trailer.keyId;
      trailerAt = number;
      continue;
    } else {
      const { c, d } = checked(() => asArchiveDocument(value), number);
      checked(() => assertStorableJson(d, `${c}/${d._id}`), number);
      found.set(c, (found.get(c) ?? 0) + 1);
      blobs.document(c, d);
      await sink?.document(c, d, line.length);
    }
    hash.update(line, 'utf8').update('\n');
    hmac?.update(line, 'utf8').update('\n');
  }
  if (header === undefined) throw new ArchiveProblem('it is empty');
  if (trailerAt === undefined) throw new ArchiveProblem('its trailer is missing: the archive is incomplete');
  for (const name of new Set([...Object.keys(header.collections), ...found.keys()])) {
    const promised = header.collections[name] ?? 0;
    const held = found.get(name) ?? 0;
    if (promised !== held)
      throw new ArchiveProblem(
        `the header promises ${promised} ${name} documents, the archive holds ${held}`,
      );
  }
  blobs.finish();
  return { header, documents: number - 2, sha256, signature, keyId };
}

/** The archive's header and size, or a ValidationError that says what is wrong with it. */
export async function readArchive(
  file: string,
  sink?: ArchiveSink,
  options: ReadOptions = {},
): Promise<ArchiveContents> {
  try {
    return await walk(file, sink, options.key);
  } catch (error) {
    if (!(error instanceof ArchiveProblem) && !(error instanceof BlobProblem)) throw error;
    throw new ValidationError(`${path.basename(file)} cannot be restored: ${error.message}`, [
      { where: 'file', message: error.message },
    ]);
  }
}
