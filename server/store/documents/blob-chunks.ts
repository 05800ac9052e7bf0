/**
 * Large JSON values (evaluation results, validation reports) stored as chunks: the JSON text is
 * cut into slices of 4 MiB, each gzipped on its own and kept as base64. Slices are compressed and
 * decompressed in parallel (zlib runs on the thread pool), which is what brings a 10,000-unit
 * result back in under a second. A blob is written under a fresh key before the owning document
 * points at it, so a reader never sees half a blob. Reading with the recorded SHA-256 checks the
 * text against it (about 30 ms for a 10,000-unit result), so a blob edited in the database or in
 * a restored archive is refused instead of being served under its old checksum.
 *
 * Texts longer than V8's longest string (the 1.3 GB results of 100,000 communities) are never
 * held as one string: they are written and parsed in pieces (json-pieces.ts), with the same
 * bytes, so the size, SHA-256, chunks and everything published from them stay as they were.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { IntegrityError, StoreUnavailableError } from '../../errors.js';
import { nowIso } from '../models/common.js';
import { newId } from '../models/ids.js';
import type { JsonValue } from '../store.js';
import type { DocumentCollection } from './document-database.js';
import { PIECE_CHARS, parseJsonPieces, writeJsonPieces } from './json-pieces.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

const SLICE_BYTES = 4 * 1024 * 1024;
/** Slices gzipped at once while the next are written: twice the thread pool (4 threads) kept busy, 32 MiB held. */
const ZIPPING = 8;

export interface BlobRef {
  readonly key: string;
  readonly chunks: number;
  /** Size of the JSON text in bytes, and its hex SHA-256. */
  readonly bytes: number;
  readonly sha256: string;
}

export interface BlobChunksOptions {
  /** Longest string written or parsed at once (tests make it small). */
  readonly pieceChars?: number;
}

/** Cuts the text into slices of SLICE_BYTES as its pieces come, whatever their sizes. */
class Slicer {
  private slice = Buffer.allocUnsafe(SLICE_BYTES);
  private filled = 0;
  bytes = 0;

  constructor(private readonly full: (slice: Buffer) => void) {}

  add(piece: Buffer): void {
    let from = 0;
    while (from < piece.length) {
      const copied = piece.copy(this.slice, this.filled, from);
      from += copied;
      this.filled += copied;
      this.bytes += copied;
      if (this.filled === SLICE_BYTES) this.flush();
    }
  }

  /** The last, shorter slice (an empty text is one empty slice, as it always was). */
  finish(): void {
    if (this.filled > 0 || this.bytes === 0) this.flush();
  }

  private flush(): void {
    this.full(this.slice.subarray(0, this.filled));
    this.slice = Buffer.allocUnsafe(SLICE_BYTES);
    this.filled = 0;
  }
}

export class BlobChunks {
  private readonly pieceChars: number;

  constructor(
    private readonly collection: DocumentCollection,
    options: BlobChunksOptions = {},
  ) {
    this.pieceChars = options.pieceChars ?? PIECE_CHARS;
  }

  /**
   * Writes `value` (already validated JSON) under a new key starting with `prefix`. The text is
   * exactly JSON.stringify(value), but never held whole: it is written in pieces (json-pieces.ts),
   * cut into slices that are gzipped and stored as they fill. Where the text was written in
   * parts, the last chunk carries the index of its pieces (`pieces`, JSON text), which read()
   * follows. On failure the chunks written so far are removed.
   */
  async write(prefix: string, value: unknown): Promise<BlobRef> {
    const key = newId(prefix);
    const at = nowIso();
    const hash = createHash('sha256');
    const zipping: Promise<Buffer>[] = [];
    let chunks = 0;
    /** Stores the oldest slice being gzipped, once it is. */
    const storeOldest = async (extra: Record<string, string>): Promise<void> => {
      const zipped = zipping.shift();
      if (zipped === undefined) return;
      const data = await zipped;
      const index = chunks++;
      const doc = { _id: `${key}:${index}`, owner: key, index, at, data: data.toString('base64'), ...extra };
      await this.collection.insertOne(doc);
    };
    const slicer = new Slicer((slice) => {
      hash.update(slice);
      const zipped = gzipAsync(slice, { level: 1 });
      // Awaited in order below; this only keeps a failure from being reported as unhandled meanwhile.
      zipped.catch(() => undefined);
      zipping.push(zipped);
    });
    try {
      const written = writeJsonPieces(value, this.pieceChars);
      for (const piece of written.pieces) {
        slicer.add(piece);
        while (zipping.length > ZIPPING) await storeOldest({});
      }
      slicer.finish();
      const index = written.index();
      const last = index.length === 3 ? { pieces: JSON.stringify(index) } : {};
      while (zipping.length > 0) await storeOldest(zipping.length === 1 ? last : {});
    } catch (error) {
      await Promise.allSettled(zipping);
      await this.remove(key);
      throw error;
    }
    return { key, chunks, bytes: slicer.bytes, sha256: hash.digest('hex') };
  }

  /**
   * Trusted input only: what write() stored (it was validated before). With `sha256`, the text is
   * checked against it first and an IntegrityError names both checksums when they differ.
   */
  async read(ref: Pick<BlobRef, 'key' | 'chunks'> & { readonly sha256?: string }): Promise<JsonValue> {
    const { text, pieces } = await this.load(ref);
    // Blobs written whole (small ones, and every one stored before pieces) are parsed whole.
    if (pieces === undefined) return JSON.parse(text.toString('utf8')) as JsonValue;
    try {
      return parseJsonPieces(text, JSON.parse(pieces)) as JsonValue;
    } catch (error) {
      throw new IntegrityError(
        `stored value ${ref.key} does not match the index of its pieces (${(error as Error).message}): it was changed outside Zhili; restore it from a backup / 存储的数据与其分段索引不符，已在 Zhili 之外被修改，请从备份恢复`,
      );
    }
  }

  /** The JSON text as stored (checked like read()), for serving it as it is: it may pass V8's longest string. */
  async readText(ref: Pick<BlobRef, 'key' | 'chunks'> & { readonly sha256?: string }): Promise<Buffer> {
    return (await this.load(ref)).text;
  }

  private async load(
    ref: Pick<BlobRef, 'key' | 'chunks'> & { readonly sha256?: string },
  ): Promise<{ text: Buffer; pieces: string | undefined }> {
    const docs = await this.collection.find({ owner: ref.key }, { sort: { index: 1 } });
    if (docs.length !== ref.chunks) {
      throw new StoreUnavailableError(`stored value ${ref.key} has ${docs.length} of ${ref.chunks} chunks`);
    }
    const slices = await Promise.all(
      docs.map((doc) => gunzipAsync(Buffer.from(typeof doc.data === 'string' ? doc.data : '', 'base64'))),
    );
    const text = Buffer.concat(slices);
    if (ref.sha256 !== undefined) {
      const found = createHash('sha256').update(text).digest('hex');
      if (found !== ref.sha256) {
        throw new IntegrityError(
          `stored value ${ref.key} does not match its recorded SHA-256 (recorded ${ref.sha256}, found ${found}): it was changed outside Zhili; restore it from a backup / 存储的数据与记录的校验值不符，已在 Zhili 之外被修改，请从备份恢复`,
        );
      }
    }
    const pieces = docs.at(-1)?.pieces;
    return { text, pieces: typeof pieces === 'string' ? pieces : undefined };
  }

  async remove(key: string): Promise<void> {
    await this.collection.deleteMany({ owner: key });
  }

  /**
   * The blobs whose key starts with `prefix`, with when they were written (null for blobs stored
   * before chunks recorded it): what recovery compares with the documents that point at blobs.
   */
  async stored(prefix: string): Promise<{ readonly key: string; readonly at: string | null }[]> {
    const first = await this.collection.find({ index: 0 }, { fields: ['owner', 'at'] });
    return first.flatMap((doc) =>
      typeof doc.owner === 'string' && doc.owner.startsWith(`${prefix}_`)
        ? [{ key: doc.owner, at: typeof doc.at === 'string' ? doc.at : null }]
        : [],
    );
  }
}
