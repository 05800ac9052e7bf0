/**
 * Checks, while an archive is read, that every stored blob (evaluation results, import reports)
 * is exactly what its owner recorded: the SHA-256 of the blob's JSON text, which the API serves as
 * `results.sha256` and the ETag, and the number of chunks. An archive whose trailer was resealed,
 * or that a key holder signed after editing a result, is refused here before anything is written.
 *
 * @example const check = new BlobCheck(); check.document('blobChunks', doc); …; check.finish();
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { RawDocument } from '../store/store.js';

/** What the archive says a blob must be, and who says so ("evaluation ev_1 results"). */
interface Expected {
  readonly sha256: string;
  readonly chunks: number;
  readonly owner: string;
}

interface BlobRefFields {
  readonly key: string;
  readonly chunks: number;
  readonly sha256: string;
}

function refOf(value: unknown): BlobRefFields | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { key, chunks, sha256 } = value as Record<string, unknown>;
  if (typeof key !== 'string' || typeof chunks !== 'number' || typeof sha256 !== 'string') return undefined;
  return { key, chunks, sha256 };
}

function recordedSha(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { sha256?: unknown }).sha256 : undefined;
}

export class BlobProblem extends Error {}

export class BlobCheck {
  private readonly expected = new Map<string, Expected>();
  private readonly found = new Map<string, { sha256: string; chunks: number }>();
  private key: string | undefined;
  private slices: (Buffer | undefined)[] = [];

  /** Takes every document of the archive in order; throws a BlobProblem at the first inconsistency. */
  document(collection: string, doc: RawDocument): void {
    if (collection === 'evaluations') this.expectResults(doc);
    else if (collection === 'importBatches') this.expect(refOf(doc.reportRef), `import ${doc._id} report`);
    else if (collection === 'blobChunks') this.chunk(doc);
  }

  /** After the last document: every recorded blob is there and matches its SHA-256. */
  finish(): void {
    this.close();
    for (const [key, expected] of this.expected) {
      const found = this.found.get(key);
      if (found === undefined) throw new BlobProblem(`the ${expected.owner} (${key}) are missing`);
      if (found.chunks !== expected.chunks)
        throw new BlobProblem(`the ${expected.owner} have ${found.chunks} of ${expected.chunks} chunks`);
      if (found.sha256 !== expected.sha256) {
        throw new BlobProblem(
          `the ${expected.owner} do not match their recorded SHA-256 (recorded ${expected.sha256}, found ${found.sha256}): they were edited`,
        );
      }
    }
  }

  private expectResults(doc: RawDocument): void {
    const ref = refOf(doc.resultsRef);
    const published = recordedSha(doc.results);
    if (ref !== undefined && published !== ref.sha256) {
      throw new BlobProblem(
        `evaluation ${doc._id} shows results.sha256 ${String(published)} but records ${ref.sha256} for its stored results: it was edited`,
      );
    }
    this.expect(ref, `evaluation ${doc._id} results`);
  }

  private expect(ref: BlobRefFields | undefined, owner: string): void {
    if (ref !== undefined) this.expected.set(ref.key, { sha256: ref.sha256, chunks: ref.chunks, owner });
  }

  /** Chunks come sorted by _id ("key:index"): a blob's chunks are together, in any index order. */
  private chunk(doc: RawDocument): void {
    const { owner, index, data } = doc;
    if (typeof owner !== 'string' || typeof index !== 'number' || typeof data !== 'string') {
      throw new BlobProblem(`blob chunk ${doc._id} lacks its owner, index or data`);
    }
    if (owner !== this.key) {
      this.close();
      if (this.found.has(owner)) throw new BlobProblem(`the chunks of ${owner} are not together`);
      this.key = owner;
    }
    if (!Number.isInteger(index) || index < 0 || index > 100_000 || this.slices[index] !== undefined) {
      throw new BlobProblem(`blob chunk ${doc._id} has a bad or repeated index`);
    }
    try {
      this.slices[index] = gunzipSync(Buffer.from(data, 'base64'));
    } catch {
      throw new BlobProblem(`blob chunk ${doc._id} is damaged: its data is not gzip`);
    }
  }

  private close(): void {
    if (this.key === undefined) return;
    const hash = createHash('sha256');
    let chunks = 0;
    for (const slice of this.slices) {
      if (slice === undefined) throw new BlobProblem(`the chunks of ${this.key} have a gap`);
      hash.update(slice);
      chunks += 1;
    }
    this.found.set(this.key, { sha256: hash.digest('hex'), chunks });
    this.key = undefined;
    this.slices = [];
  }
}
