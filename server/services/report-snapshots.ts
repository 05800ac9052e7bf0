/**
 * Report contexts kept on local disk, so the first page of an evaluation after a restart does not
 * read, check, parse and compact its whole results document again: at 100,000 communities that is
 * 1.3 GB of JSON and about 40 s, while its snapshot (the compacted sections, mostly typed arrays,
 * in V8's serialisation format) reads back in under a second.
 *
 * A snapshot is a cache, never the record: it is made from results that were read and checked
 * against their SHA-256, named by that SHA-256, and refused (then made again from the results)
 * when its header, length, CRC-32s or the code that shapes it differ (snapshot-file.ts). It is not
 * part of backups; deleting the folder loses nothing. A draft's snapshots go when the draft is
 * deleted (and none is kept for it afterwards by a page that was still being built), and an
 * evaluation's older snapshots when a newer one of it is kept.
 *
 * @example const sections = await snapshots.read('ev_1', sha256) ?? contextSections(stored, where)
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ContextSections } from '../reports/context/context-sections.js';
import { codeFingerprint } from './code-fingerprint.js';
import { readSnapshotFile, writeSnapshotFile } from './snapshot-file.js';

const SUFFIX = '.snapshot';
/** Evaluation ids are made by the store (`ev_…`); anything else is never used in a file name. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;
const SHA256 = /^[0-9a-f]{64}$/;

/** What is done with a snapshot that could not be read or written (the pages go on without it). */
export type SnapshotProblem = (error: unknown, file: string) => void;

export class ReportSnapshots {
  private readonly writing = new Set<Promise<void>>();
  /** Evaluations deleted while this process runs (ids are never used again). */
  private readonly discarded = new Set<string>();

  constructor(
    readonly dir: string,
    private readonly onProblem: SnapshotProblem = () => undefined,
  ) {}

  /** The kept sections of these results, or undefined (none, or one that is refused and removed). */
  async read(evaluationId: string, sha256: string): Promise<ContextSections | undefined> {
    const file = this.file(evaluationId, sha256);
    if (file === undefined) return undefined;
    try {
      const kept = await this.readKept(file, evaluationId, sha256);
      if (kept !== undefined) return asSections(kept);
      // Made by other code (an upgrade): expected; it is made again from the results.
      await this.remove(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      this.onProblem(error, file);
      await this.remove(file);
    }
    return undefined;
  }

  /**
   * The kept sections of these results when a readable snapshot of them is there, else undefined;
   * never removes nor reports a file (for the render threads: the main thread's read does that).
   */
  async peek(evaluationId: string, sha256: string): Promise<ContextSections | undefined> {
    const file = this.file(evaluationId, sha256);
    if (file === undefined) return undefined;
    try {
      const kept = await this.readKept(file, evaluationId, sha256);
      return kept === undefined ? undefined : asSections(kept);
    } catch {
      return undefined;
    }
  }

  /**
   * Keeps the sections of these results in the background (the caller's page is not held up), and
   * removes the evaluation's other snapshots once it is written. `idle()` waits for it.
   */
  keepLater(evaluationId: string, sha256: string, sections: ContextSections): void {
    const file = this.file(evaluationId, sha256);
    if (file === undefined || this.discarded.has(evaluationId)) return;
    const done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.keep(file, evaluationId, sha256, sections))
      .catch((error: unknown) => {
        this.onProblem(error, file);
      })
      .finally(() => this.writing.delete(done));
    this.writing.add(done);
  }

  /** Removes every snapshot of an evaluation (a deleted draft). */
  async discard(evaluationId: string): Promise<void> {
    this.discarded.add(evaluationId);
    await this.idle();
    await this.removeOthers(evaluationId, undefined);
  }

  /** Resolves once no snapshot is being written. */
  async idle(): Promise<void> {
    while (this.writing.size > 0) await Promise.all([...this.writing]);
  }

  /** What the file keeps when it was made of these results by this code; undefined when by other code. */
  private async readKept(file: string, evaluationId: string, sha256: string): Promise<unknown> {
    const identity = { evaluation: evaluationId, sha256, code: await codeFingerprint() };
    return readSnapshotFile(file, identity);
  }

  private file(evaluationId: string, sha256: string): string | undefined {
    if (!SAFE_ID.test(evaluationId) || !SHA256.test(sha256)) return undefined;
    return path.join(this.dir, `${evaluationId}.${sha256}${SUFFIX}`);
  }

  private async keep(
    file: string,
    evaluationId: string,
    sha256: string,
    sections: ContextSections,
  ): Promise<void> {
    const identity = { evaluation: evaluationId, sha256, code: await codeFingerprint() };
    await mkdir(this.dir, { recursive: true });
    // Written aside and renamed: a reader (this or another process) never sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    try {
      await writeSnapshotFile(partial, sections, identity);
      // Deleted while it was written: never put in place.
      if (this.discarded.has(evaluationId)) return;
      await rename(partial, file);
    } finally {
      await rm(partial, { force: true });
    }
    await this.removeOthers(evaluationId, path.basename(file));
  }

  /** Removes a snapshot that is not to be read again; one that cannot be removed is refused again next time. */
  private async remove(file: string): Promise<void> {
    await rm(file, { force: true }).catch((error: unknown) => {
      this.onProblem(error, file);
    });
  }

  private async removeOthers(evaluationId: string, keptName: string | undefined): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    const prefix = `${evaluationId}.`;
    await Promise.all(
      names
        .filter((name) => name.startsWith(prefix) && name.endsWith(SUFFIX) && name !== keptName)
        .map((name) => rm(path.join(this.dir, name), { force: true })),
    );
  }
}

/** What a snapshot of these results holds: refused unless it has the results' levels. */
function asSections(kept: unknown): ContextSections {
  const results: unknown = typeof kept === 'object' && kept !== null ? Reflect.get(kept, 'results') : null;
  const levels: unknown =
    typeof results === 'object' && results !== null ? Reflect.get(results, 'levels') : null;
  if (!Array.isArray(levels)) throw new Error('a snapshot without results');
  return kept as ContextSections;
}
