/**
 * What a backup holds and in which order. Every collection of the store except sessions (live
 * credentials are secrets) and jobs (the record of one server's work, not data), with each user's password hash removed and the setup secret's hash
 * and the local settings (the restore marker, the backup folders) left out. Owners are read before what they own and counters last, so a backup of a store that
 * is in use never holds a committed batch without its rows, or a sequence counter behind the
 * batches it numbered.
 */
import { COLLECTIONS } from '../store/documents/collections.js';
import type { RawDocument } from '../store/store.js';
import { BACKUP_FOLDERS } from './backup-folders.js';
import { RESTORE_MARKER } from './restore-marker.js';

const EXCLUDED: ReadonlySet<string> = new Set(['sessions', 'jobs']);
const FIRST = ['settings', 'periods', 'importBatches', 'evaluations', 'users', 'auditEvents'];
const LAST = ['counters'];
/**
 * Settings that stay out: the one-time setup secret of an empty store (a credential), the marker
 * of a restore in progress (restore-marker.ts) and the folders this machine's backups went to
 * (backup-folders.ts), which belong to the store's place, not its data.
 */
const LOCAL_SETTINGS: ReadonlySet<string> = new Set(['bootstrapTokenHash', RESTORE_MARKER, BACKUP_FOLDERS]);

function backupOrder(names: readonly string[]): string[] {
  const kept = names.filter((name) => !EXCLUDED.has(name));
  const first = FIRST.filter((name) => kept.includes(name));
  const last = LAST.filter((name) => kept.includes(name));
  const middle = kept.filter((name) => !first.includes(name) && !last.includes(name));
  return [...first, ...middle, ...last];
}

/** The collections a backup holds, in the order it reads them. */
export const BACKUP_COLLECTIONS: readonly string[] = backupOrder(Object.keys(COLLECTIONS));

/** The document as a backup keeps it (no secrets), or undefined when it is left out. */
export function withoutSecrets(collection: string, doc: RawDocument): RawDocument | undefined {
  if (collection === 'users') return { ...doc, passwordHash: null };
  if (collection === 'settings' && LOCAL_SETTINGS.has(doc._id)) return undefined;
  return doc;
}
