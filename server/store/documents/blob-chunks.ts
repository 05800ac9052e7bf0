/**
 * Large JSON values (evaluation results, validation reports) stored as chunks: the JSON text is
 * cut into slices of 4 MiB, each gzipped on its own and kept as base64. Slices are compressed and
 * decompressed in parallel (zlib runs on the thread pool), which is what brings a 10,000-unit
 * result back in under a second. A blob is written under a fresh key before the owning document
 * points at it, so a reader never sees half a blob. Reading with the recorded SHA-256 checks the
 * text against it (about 30 ms for a 10,000-unit result), so a blob edited in the database or in
 * a restored archive is refused instead of being served under its old checksum.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { IntegrityError, StoreUnavailableError } from '../../errors.js';
import { nowIso } from '../models/common.js';
import { newId } from '../models/ids.js';
import type { JsonValue } from '../store.js';
import type { DocumentCollection } from './document-database.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

const SLICE_BYTES = 4 * 1024 * 1024;

export interface BlobRef {
  readonly key: string;
  readonly chunks: number;
  /** Size of the JSON text in bytes, and its hex SHA-256. */
  readonly bytes: number;
  readonly sha256: string;
}

export class BlobChunks {
  constructor(private readonly collection: DocumentCollection) {}

  /** Writes `value` (already validated JSON) under a new key starting with `prefix`. */
  async write(prefix: string, value: unknown): Promise<BlobRef> {
    const text = Buffer.from(JSON.stringify(value), 'utf8');
    const slices: Buffer[] = [];
    for (let offset = 0; offset < text.length || offset === 0; offset += SLICE_BYTES) {
      slices.push(text.subarray(offset, offset + SLICE_BYTES));
    }
    const zipped = await Promise.all(slices.map((slice) => gzipAsync(slice, { level: 1 })));
    const key = newId(prefix);
    const at = nowIso();
    const docs = zipped.map((data, index) => ({
      _id: `${key}:${index}`,
      owner: key,
      index,
      at,
      data: data.toString('base64'),
    }));
    for (const doc of docs) await this.collection.insertOne(doc);
    return {
      key,
      chunks: docs.length,
      bytes: text.length,
      sha256: createHash('sha256').update(text).digest('hex'),
    };
  }

  /**
   * Trusted input only: what write() stored (it was validated before). With `sha256`, the text is
   * checked against it first and an IntegrityError names both checksums when they differ.
   */
  async read(ref: Pick<BlobRef, 'key' | 'chunks'> & { readonly sha256?: string }): Promise<JsonValue> {
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
    return JSON.parse(text.toString('utf8')) as JsonValue;
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
