/**
 * Large JSON values (evaluation results, validation reports) stored packed and split into
 * chunks of at most 1 MiB of text, well below any engine's document limit. A blob is written
 * under a fresh key before the owning document points at it, so a reader never sees half a blob.
 */
import { StoreUnavailableError } from '../../errors.js';
import type { JsonValue } from '../store.js';
import type { DocumentCollection } from './document-database.js';
import { newId } from '../models/ids.js';
import { packJson, unpackJson } from './packed-json.js';

const CHUNK_CHARS = 1024 * 1024;

export interface BlobRef {
  readonly key: string;
  readonly chunks: number;
  /** JSON text size and hash, as packJson measured them. */
  readonly bytes: number;
  readonly sha256: string;
}

export class BlobChunks {
  constructor(private readonly collection: DocumentCollection) {}

  /** Writes `value` (already validated JSON) under a new key starting with `prefix`. */
  async write(prefix: string, value: unknown): Promise<BlobRef> {
    const packed = await packJson(value);
    const key = newId(prefix);
    const docs = [];
    for (
      let offset = 0, index = 0;
      offset < packed.data.length || index === 0;
      offset += CHUNK_CHARS, index += 1
    ) {
      docs.push({
        _id: `${key}:${index}`,
        owner: key,
        index,
        data: packed.data.slice(offset, offset + CHUNK_CHARS),
      });
    }
    for (const doc of docs) await this.collection.insertOne(doc);
    return { key, chunks: docs.length, bytes: packed.bytes, sha256: packed.sha256 };
  }

  async read(ref: Pick<BlobRef, 'key' | 'chunks'>): Promise<JsonValue> {
    const docs = await this.collection.find({ owner: ref.key }, { sort: { index: 1 } });
    if (docs.length !== ref.chunks) {
      throw new StoreUnavailableError(`stored value ${ref.key} has ${docs.length} of ${ref.chunks} chunks`);
    }
    return unpackJson(docs.map((doc) => String(doc.data)).join(''));
  }

  async remove(key: string): Promise<void> {
    await this.collection.deleteMany({ owner: key });
  }
}
