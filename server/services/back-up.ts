/**
 * The use cases "back up" and "restore": the whole store to one archive and back. An archive holds
 * every user and the whole audit log, so only those who manage users (admins; the CLI's actor)
 * may make or restore one. The work and its audit events (backup.create, backup.restore) are
 * server/backup/'s.
 *
 * @example await backUp(services, cliActor(), '/srv/zhili.backup.gz')
 */
import { restoreBackup, type RestoredBackup, type RestoreOptions } from '../backup/restore-backup.js';
import { writeBackup, type BackupOptions, type WrittenBackup } from '../backup/write-backup.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';

export async function backUp(
  context: { readonly store: Store },
  actor: Actor,
  out: string,
  options: Omit<BackupOptions, 'actor'> = {},
): Promise<WrittenBackup> {
  assertMay(actor, 'users.manage');
  return writeBackup(context.store, out, { ...options, actor: actor.name });
}

export async function restore(
  context: { readonly store: Store },
  actor: Actor,
  archive: string,
  options: Omit<RestoreOptions, 'actor'>,
): Promise<RestoredBackup> {
  assertMay(actor, 'users.manage');
  return restoreBackup(context.store, archive, { ...options, actor: actor.name });
}
