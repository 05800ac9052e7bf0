/**
 * The key that signs backup archives (HMAC-SHA-256): 32 random bytes kept by the administrator in
 * a file of its own, as 64 hex digits, away from the archives it signs. An archive carries only
 * the key's id (a hash of the key, which says which key signed it without revealing it), so
 * whoever can edit an archive cannot sign the edit without also holding the key file.
 *
 * @example const key = await readBackupKey('/etc/zhili/backup.key'); // throws naming the file when unusable
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { ValidationError } from '../errors.js';

export interface BackupKey {
  readonly bytes: Buffer;
  /** 16 hex digits derived from the key, recorded in the archives it signs. */
  readonly id: string;
}

const KEY_BYTES = 32;

function keyOf(bytes: Buffer): BackupKey {
  const id = createHash('sha256').update('zhili-backup-key-id\n').update(bytes).digest('hex').slice(0, 16);
  return { bytes, id };
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}

function unusable(file: string, reason: string): ValidationError {
  return new ValidationError(`the backup key ${file} cannot be used: ${reason} / 备份密钥文件不可用`, [
    { where: 'key', message: reason },
  ]);
}

export async function readBackupKey(file: string): Promise<BackupKey> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw unusable(
      file,
      codeOf(error) === 'ENOENT' ? 'the file does not exist' : `it cannot be read (${codeOf(error)})`,
    );
  });
  const hex = text.trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) {
    throw unusable(
      file,
      'it must hold 64 hex digits (make one with `npm run zhili -- backup-key --out FILE`)',
    );
  }
  return keyOf(Buffer.from(hex, 'hex'));
}

/** Writes a new random key to `file` (which must not exist yet), readable by its owner only. */
export async function createBackupKey(file: string): Promise<BackupKey> {
  const bytes = randomBytes(KEY_BYTES);
  await writeFile(file, `${bytes.toString('hex')}\n`, { flag: 'wx', mode: 0o600 }).catch((error: unknown) => {
    throw unusable(
      file,
      codeOf(error) === 'EEXIST'
        ? 'the file exists already (a key is never overwritten)'
        : `it cannot be written (${codeOf(error)})`,
    );
  });
  return keyOf(bytes);
}
