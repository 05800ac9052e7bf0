/**
 * The folders backups were written to, remembered in the store's settings, so that the server can
 * remove the temporary files of killed backups when it starts (temp-files.ts), not only the next
 * backup into the same folder: those files hold the whole store. Only the last few folders are
 * kept; a folder that is gone or unreadable is skipped.
 *
 * @example await recordBackupFolder(store, '/srv/backups'); await removeRecordedLeftovers(store) // ['/srv/backups/.zhili.backup.gz.4711-1a2b3c4d.body']
 */
import path from 'node:path';
import type { JsonValue, Store } from '../store/store.js';
import { removeLeftovers } from './temp-files.js';

/** The settings key (a plain identifier, see server/store/setting-key.ts). */
export const BACKUP_FOLDERS = 'backupFolders';
const KEPT = 20;

function foldersOf(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((folder): folder is string => typeof folder === 'string') : [];
}

export async function recordBackupFolder(store: Store, folder: string): Promise<void> {
  const known = foldersOf(await store.getSetting(BACKUP_FOLDERS)).filter((f) => f !== folder);
  await store.putSetting(BACKUP_FOLDERS, [folder, ...known].slice(0, KEPT));
}

/** Removes what killed backups left in every remembered folder; returns the paths removed. */
export async function removeRecordedLeftovers(store: Store): Promise<string[]> {
  const removed: string[] = [];
  for (const folder of foldersOf(await store.getSetting(BACKUP_FOLDERS))) {
    const names = await removeLeftovers(folder).catch(() => [] as string[]);
    removed.push(...names.map((name) => path.join(folder, name)));
  }
  return removed;
}
