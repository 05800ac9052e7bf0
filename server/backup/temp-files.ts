/**
 * The temporary files of a backup (the gzip body, then the whole archive before its rename) sit
 * beside the target, hidden, and hold the whole store. A backup that is killed cannot remove
 * them, so their names carry the writing process's id, and every backup first removes those in
 * its folder whose process is gone (and, from versions before the id was in the name, any that
 * have not changed for an hour).
 *
 * @example const stem = tempStem('/backups/zhili.backup.gz'); // /backups/.zhili.backup.gz.4711-1a2b3c4d
 */
import { randomBytes } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

const WITH_PROCESS = /^\..+\.(\d+)-[0-9a-f]{8}\.(body|part)$/;
const WITHOUT_PROCESS = /^\..+\.[0-9a-f]{8}\.(body|part)$/;
const STALE_MS = 60 * 60 * 1000;

/** The path the temporary files of a backup to `target` start with (add ".body" or ".part"). */
export function tempStem(target: string): string {
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  return path.join(path.dirname(target), `.${path.basename(target)}.${tag}`);
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

async function isLeftover(folder: string, name: string, now: number): Promise<boolean> {
  const tagged = WITH_PROCESS.exec(name);
  if (tagged !== null) return !processAlive(Number(tagged[1]));
  if (!WITHOUT_PROCESS.test(name)) return false;
  const info = await stat(path.join(folder, name)).catch(() => undefined);
  return info !== undefined && now - info.mtimeMs > STALE_MS;
}

/** Removes the temporary files that killed backups left in `folder`; returns their names. */
export async function removeLeftovers(folder: string): Promise<string[]> {
  const now = Date.now();
  const removed: string[] = [];
  for (const name of await readdir(folder)) {
    if (!(await isLeftover(folder, name, now))) continue;
    await rm(path.join(folder, name), { force: true });
    removed.push(name);
  }
  return removed;
}
