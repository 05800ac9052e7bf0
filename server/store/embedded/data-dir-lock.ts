/**
 * The embedded store's data directory belongs to one process at a time: nedb keeps the data in
 * memory and rewrites its files, so two processes on one directory would silently lose writes.
 * A lock file holds the owner's pid; a lock left by a process that no longer exists (killed, or
 * from another host such as a recreated container) is taken over.
 */
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { StoreUnavailableError } from '../../errors.js';
import { processExists } from '../documents/batch-recovery.js';

export const LOCK_FILE = 'zhili.lock';

interface LockContent {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

export interface DataDirLock {
  release(): Promise<void>;
}

async function readLock(file: string): Promise<LockContent | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<LockContent>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return undefined;
    return { pid: parsed.pid, host: parsed.host, since: String(parsed.since) };
  } catch {
    return undefined;
  }
}

function isLive(lock: LockContent): boolean {
  return lock.host === os.hostname() && processExists(lock.pid);
}

export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const file = path.join(dir, LOCK_FILE);
  const mine: LockContent = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  const text = JSON.stringify(mine);
  try {
    await writeFile(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const held = await readLock(file);
    if (held !== undefined && isLive(held)) {
      throw new StoreUnavailableError(
        `the embedded store in ${dir} is open in process ${held.pid} (since ${held.since}); ` +
          `stop that process first, or delete ${file} if no Zhili process runs`,
      );
    }
    const temporary = `${file}.${process.pid}`;
    await writeFile(temporary, text);
    await rename(temporary, file);
  }
  return {
    async release() {
      const held = await readLock(file);
      if (held?.pid === mine.pid && held.host === mine.host) await unlink(file).catch(() => undefined);
    },
  };
}
