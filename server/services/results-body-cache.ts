/**
 * The JSON text of stored results, kept in memory between requests. Reading a 10,000-unit result
 * back, parsing it and writing it out again costs about 165 ms of CPU; under 200 concurrent
 * readers that queued every other request behind it. Entries are keyed by evaluation id and the
 * results' SHA-256, so replaced draft results never come back stale; concurrent misses share one
 * read. The least recently used entries go once the total passes the byte budget. The reader may
 * give the stored text itself (a Buffer: no parsing, and no limit of V8's longest string), or a
 * value, which is written in pieces for the same reason.
 */
import type { JsonValue } from '../domain/json-value.js';
import { jsonBytes } from '../store/documents/json-pieces.js';

export class ResultsBodyCache {
  private readonly bodies = new Map<string, Buffer>();
  private readonly pending = new Map<string, Promise<Buffer | undefined>>();
  private bytes = 0;

  constructor(private readonly budgetBytes = 128 * 1024 * 1024) {}

  /** The body for (id, sha256), reading it with `read` on a miss; undefined when there are no results. */
  async body(
    id: string,
    sha256: string,
    read: () => Promise<JsonValue | Buffer | undefined>,
  ): Promise<Buffer | undefined> {
    const key = `${id}:${sha256}`;
    const cached = this.bodies.get(key);
    if (cached !== undefined) {
      this.bodies.delete(key);
      this.bodies.set(key, cached);
      return cached;
    }
    let loading = this.pending.get(key);
    if (loading === undefined) {
      loading = read().then((results) => (results === undefined ? undefined : this.keep(key, results)));
      this.pending.set(key, loading);
      void loading.finally(() => this.pending.delete(key)).catch(() => undefined);
    }
    return loading;
  }

  private keep(key: string, results: JsonValue | Buffer): Buffer {
    const body = Buffer.isBuffer(results) ? results : jsonBytes(results);
    if (body.length > this.budgetBytes) return body;
    this.bodies.set(key, body);
    this.bytes += body.length;
    for (const [oldest, value] of this.bodies) {
      if (this.bytes <= this.budgetBytes) break;
      this.bodies.delete(oldest);
      this.bytes -= value.length;
    }
    return body;
  }
}
