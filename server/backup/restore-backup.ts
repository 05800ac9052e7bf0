/**
 * Restores a backup archive into a store of either kind. The whole archive is verified (format,
 * counts, checksum, every stored blob against its recorded SHA-256, and the signature under the
 * restorer's backup key) before anything is written, so a truncated or altered archive leaves the
 * store untouched. An archive that is unsigned, or whose signature cannot be checked, is refused
 * unless `allowUnsigned` is given; one whose signature proves an edit is always refused. A store that holds anything but settings is refused unless `replace` is given, which
 * first empties every collection (sessions included: they belong to the users being replaced).
 * Documents are written in batches while the archive is read a second time and checked again.
 * From its first change to its last write the store carries a restore marker (restore-marker.ts),
 * so a restore that is killed part way leaves a store that says so instead of one that looks
 * healthy. Users come back without passwords; the restore is audited in the restored store.
 *
 * @example const restored = await restoreBackup(store, 'zhili.backup.gz', { actor: 'cli:li', replace: false, key });
 */
import path from 'node:path';
import { ConflictError, StoreUnavailableError } from '../errors.js';
import type { RawDocument, Store } from '../store/store.js';
import type { ArchiveHeader } from './archive-format.js';
import { requireSignature, type SignatureStatus } from './archive-signature.js';
import type { BackupKey } from './backup-key.js';
import { readArchive, type ArchiveSink } from './read-archive.js';
import { markRestoreFinished, markRestoreStarted, RESTORE_MARKER } from './restore-marker.js';

const BATCH_DOCUMENTS = 500;
/** Packed chunks are large: a batch also ends at about this many characters of JSON. */
const BATCH_CHARS = 16 * 1024 * 1024;

export interface RestoreOptions {
  readonly actor: string;
  /** Empty a store that holds data first, instead of refusing it. */
  readonly replace: boolean;
  /** The backup key the archive's signature is checked with. */
  readonly key?: BackupKey;
  /** Restore an unsigned archive, or one whose signature cannot be checked, with a warning. */
  readonly allowUnsigned?: boolean;
  /** Called after each batch is written, with the documents written so far and the total. */
  readonly onProgress?: (written: number, total: number) => void;
}

export interface RestoredBackup {
  readonly header: ArchiveHeader;
  readonly documents: number;
  /** Restored users: none of them has a password until one is set again. */
  readonly users: number;
  readonly signature: SignatureStatus;
  /** Why the archive's origin is not proved, when it was restored with `allowUnsigned`. */
  readonly warning: string | undefined;
}

/** Collections that hold documents (settings alone do not make a store "in use"). */
async function occupied(store: Store): Promise<string[]> {
  const names: string[] = [];
  for (const name of store.raw.collections()) {
    if (name !== 'settings' && (await store.raw.count(name)) > 0) names.push(name);
  }
  return names;
}

/** Collects documents per collection and loads them a batch at a time. */
class BatchingSink implements ArchiveSink {
  private collection = '';
  private batch: RawDocument[] = [];
  private chars = 0;
  private written = 0;

  constructor(
    private readonly store: Store,
    private readonly total: number,
    private readonly onProgress: ((written: number, total: number) => void) | undefined,
  ) {}

  async document(collection: string, doc: RawDocument, chars: number): Promise<void> {
    // The marker belongs to this store's restore, not to the archive's data.
    if (collection === 'settings' && doc._id === RESTORE_MARKER) return;
    if (collection !== this.collection) await this.flush();
    this.collection = collection;
    // The archive holds no password hashes; one that does was not written by Zhili.
    this.batch.push(collection === 'users' ? { ...doc, passwordHash: null } : doc);
    this.chars += chars;
    if (this.batch.length >= BATCH_DOCUMENTS || this.chars >= BATCH_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    await this.store.raw.load(this.collection, this.batch);
    this.written += this.batch.length;
    this.batch = [];
    this.chars = 0;
    this.onProgress?.(this.written, this.total);
  }
}

export async function restoreBackup(
  store: Store,
  file: string,
  options: RestoreOptions,
): Promise<RestoredBackup> {
  const verified = await readArchive(file, undefined, options.key === undefined ? {} : { key: options.key });
  const name = path.basename(file);
  const warning = requireSignature(name, verified.signature, verified.keyId, options.allowUnsigned === true);
  const inUse = await occupied(store);
  if (inUse.length > 0 && !options.replace) {
    throw new ConflictError(
      `the store is not empty (it holds ${inUse.join(', ')}): restore into an empty store, or add --replace to empty it first`,
    );
  }
  await markRestoreStarted(store, { file, startedAt: new Date().toISOString(), actor: options.actor });
  if (options.replace) {
    for (const collection of store.raw.collections())
      await store.raw.clear(collection, collection === 'settings' ? RESTORE_MARKER : undefined);
  }
  const sink = new BatchingSink(store, verified.documents, options.onProgress);
  const written = await readArchive(file, sink).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreUnavailableError(
      `the restore stopped part way (${reason}); the store is incomplete: restore again with --replace`,
    );
  });
  await sink.flush();
  if (written.sha256 !== verified.sha256) {
    throw new StoreUnavailableError(
      'the archive changed while it was being restored; the store is incomplete: restore again with --replace',
    );
  }
  await store.audit.append({
    actor: options.actor,
    action: 'backup.restore',
    target: null,
    detail: {
      file: name,
      signature: verified.signature,
      createdAt: verified.header.createdAt,
      zhiliVersion: verified.header.zhiliVersion,
      storeKind: verified.header.storeKind,
      documents: verified.documents,
      replaced: inUse.length > 0,
    },
  });
  await markRestoreFinished(store);
  return {
    header: verified.header,
    documents: verified.documents,
    users: verified.header.collections.users ?? 0,
    signature: verified.signature,
    warning,
  };
}
