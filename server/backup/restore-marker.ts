/**
 * A restore empties the store and writes it again document by document: killed part way, it
 * leaves a store that looks healthy but is incomplete. So the restore writes a marker setting
 * before its first change and clears it with its last write; while the marker is there the
 * server refuses to start, /healthz answers 503, and the CLI refuses every command but restore.
 * The message says how to finish (run the restore again with --replace) or go back (restore the
 * previous backup).
 *
 * @example await assertNoUnfinishedRestore(store); // throws StoreUnavailableError while marked
 */
import { StoreUnavailableError } from '../errors.js';
import type { JsonValue, Store } from '../store/store.js';

/** The settings key of the marker (a plain identifier, see server/store/setting-key.ts). */
export const RESTORE_MARKER = 'restoreInProgress';

export interface RestoreMarker {
  readonly file: string;
  readonly startedAt: string;
  readonly actor: string;
}

function markerOf(value: JsonValue | undefined): RestoreMarker | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { file, startedAt, actor } = value;
  return {
    file: typeof file === 'string' ? file : '?',
    startedAt: typeof startedAt === 'string' ? startedAt : '?',
    actor: typeof actor === 'string' ? actor : '?',
  };
}

export async function markRestoreStarted(store: Store, marker: RestoreMarker): Promise<void> {
  await store.putSetting(RESTORE_MARKER, { ...marker });
}

export async function markRestoreFinished(store: Store): Promise<void> {
  await store.putSetting(RESTORE_MARKER, null);
}

/** The unfinished restore the store is marked with, if any. */
export async function unfinishedRestore(store: Store): Promise<RestoreMarker | undefined> {
  return markerOf(await store.getSetting(RESTORE_MARKER));
}

/** What the operator reads: what happened, and the two ways out, in Chinese and English. */
export function unfinishedRestoreMessage(marker: RestoreMarker): string {
  return (
    `存储不完整：${marker.startedAt} 开始的恢复（${marker.file}）没有完成。请再次运行 npm run zhili -- restore ${marker.file} --replace 完成恢复，或用 --replace 恢复上一个备份。 ` +
    `The store is incomplete: the restore of ${marker.file} started at ${marker.startedAt} by ${marker.actor} did not finish. ` +
    `Finish it by running \`npm run zhili -- restore ${marker.file} --replace\` again, or go back by restoring the previous backup with --replace.`
  );
}

export async function assertNoUnfinishedRestore(store: Store): Promise<void> {
  const marker = await unfinishedRestore(store);
  if (marker !== undefined) throw new StoreUnavailableError(unfinishedRestoreMessage(marker));
}
