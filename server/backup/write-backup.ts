/**
 * Writes a backup archive (archive-format.ts) of a store, streamed both ways so a store of any
 * size never has to fit in one string. The documents go first into a gzip body file while they
 * are counted; the header (which needs the counts) and the trailer (which needs the checksum of
 * header and body) are then written around it as gzip members of their own, into a temporary file
 * that is renamed to the target only when complete: a failed backup leaves no half archive, and
 * the files of a killed one are removed by the next backup into that folder (temp-files.ts). The
 * archive is readable by its owner only (it holds the users and the audit log). With the
 * administrator's backup key the trailer carries an HMAC of the whole text, so a restore can tell
 * the archive from an edited copy; without one the archive is unsigned.
 *
 * @example const written = await writeBackup(store, 'zhili.backup.gz', { actor: 'cli:li', key });
 */
import { createHash, createHmac } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip, gzipSync } from 'node:zlib';
import type { Store } from '../store/store.js';
import { ARCHIVE_FORMAT, type ArchiveHeader, type ArchiveTrailer } from './archive-format.js';
import { BACKUP_COLLECTIONS, withoutSecrets } from './backup-collections.js';
import type { BackupKey } from './backup-key.js';
import { checkOutputPath } from './output-path.js';
import { assertNoUnfinishedRestore } from './restore-marker.js';
import { recordBackupFolder } from './backup-folders.js';
import { removeLeftovers, tempStem } from './temp-files.js';
import { zhiliVersion } from './zhili-version.js';

/** Lines are handed to gzip in blocks of about this many characters (one write per line is slow). */
const BLOCK_CHARS = 256 * 1024;

export interface BackupOptions {
  /** Who makes the backup, for the audit log ("cli:li"). */
  readonly actor: string;
  readonly now?: Date;
  /** Signs the archive; without it the archive is unsigned and restores only with --allow-unsigned. */
  readonly key?: BackupKey;
}

export interface WrittenBackup {
  readonly file: string;
  readonly header: ArchiveHeader;
  readonly documents: number;
  readonly bytes: number;
  readonly sha256: string;
  /** The id of the key that signed it; null when unsigned. */
  readonly keyId: string | null;
}

/** Every document to back up as JSON lines, in blocks; fills `counts` on the way. */
async function* documentBlocks(store: Store, counts: Record<string, number>): AsyncGenerator<string> {
  let block = '';
  for (const collection of BACKUP_COLLECTIONS) {
    counts[collection] = 0;
    let count = 0;
    for await (const stored of store.raw.dump(collection)) {
      const doc = withoutSecrets(collection, stored);
      if (doc === undefined) continue;
      count += 1;
      counts[collection] = count;
      block += `${JSON.stringify({ c: collection, d: doc })}\n`;
      if (block.length >= BLOCK_CHARS) {
        yield block;
        block = '';
      }
    }
  }
  if (block.length > 0) yield block;
}

/** The SHA-256 of the header line followed by the body's decompressed lines, and their HMAC under `key`. */
async function checksumOf(
  headerLine: string,
  bodyFile: string,
  key: BackupKey | undefined,
): Promise<{ sha256: string; hmac: string | null }> {
  const hash = createHash('sha256').update(headerLine, 'utf8');
  const hmac = key === undefined ? undefined : createHmac('sha256', key.bytes).update(headerLine, 'utf8');
  await pipeline(createReadStream(bodyFile), createGunzip(), async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      hash.update(chunk);
      hmac?.update(chunk);
    }
  });
  return { sha256: hash.digest('hex'), hmac: hmac?.digest('hex') ?? null };
}

async function* archiveParts(
  headerLine: string,
  bodyFile: string,
  trailerLine: string,
): AsyncGenerator<Buffer> {
  yield gzipSync(headerLine);
  for await (const chunk of createReadStream(bodyFile)) yield chunk as Buffer;
  yield gzipSync(trailerLine);
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeBackup(store: Store, out: string, options: BackupOptions): Promise<WrittenBackup> {
  const target = await checkOutputPath(out);
  await assertNoUnfinishedRestore(store);
  await recordBackupFolder(store, path.dirname(target));
  await removeLeftovers(path.dirname(target));
  const stem = tempStem(target);
  const bodyFile = `${stem}.body`;
  const partFile = `${stem}.part`;
  try {
    const counts: Record<string, number> = {};
    await pipeline(
      Readable.from(documentBlocks(store, counts)),
      createGzip({ level: 1 }),
      createWriteStream(bodyFile, { flags: 'wx', mode: 0o600 }),
    );
    const header: ArchiveHeader = {
      format: ARCHIVE_FORMAT,
      createdAt: (options.now ?? new Date()).toISOString(),
      zhiliVersion: await zhiliVersion(),
      storeKind: store.kind,
      collections: counts,
    };
    const headerLine = `${JSON.stringify(header)}\n`;
    const documents = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const { sha256, hmac } = await checksumOf(headerLine, bodyFile, options.key);
    const keyId = options.key?.id ?? null;
    const trailer: ArchiveTrailer = { end: ARCHIVE_FORMAT, lines: documents + 1, sha256, hmac, keyId };
    await pipeline(
      Readable.from(archiveParts(headerLine, bodyFile, `${JSON.stringify(trailer)}\n`)),
      createWriteStream(partFile, { flags: 'wx', mode: 0o600 }),
    );
    await syncFile(partFile);
    await rename(partFile, target);
    const { size } = await stat(target);
    await store.audit.append({
      actor: options.actor,
      action: 'backup.create',
      target: null,
      detail: { file: path.basename(target), documents, bytes: size, sha256, keyId },
    });
    return { file: target, header, documents, bytes: size, sha256, keyId };
  } finally {
    await rm(bodyFile, { force: true });
    await rm(partFile, { force: true });
  }
}
