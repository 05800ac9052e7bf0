/**
 * Issue 19, finding 15, in process: the restore marker is in the store from the restore's first
 * change (emptying a store with --replace included) until its last write, and a marked store is
 * neither backed up nor mistaken for a finished one.
 */
import { expect } from 'chai';
import path from 'node:path';
import { restoreBackup } from '../../server/backup/restore-backup.js';
import { RESTORE_MARKER, unfinishedRestore } from '../../server/backup/restore-marker.js';
import { writeBackup } from '../../server/backup/write-backup.js';
import { StoreUnavailableError } from '../../server/errors.js';
import { MongoStore } from '../../server/store/mongo/mongo-store.js';
import type { JsonValue, Store } from '../../server/store/store.js';
import { mongoUriOrSkip } from '../support/mongo-target.js';
import { tempEmbeddedStore } from '../support/temp-store.js';
import { filledSource } from './filled-store.js';

/** Restores the shared archive over a store holding data; the marker must be seen at every batch. */
async function expectMarkedWhileReplacing(store: Store): Promise<void> {
  const source = await filledSource();
  await store.users.create({ login: 'other', displayName: 'Other', role: 'viewer' });
  const seen: Promise<JsonValue | undefined>[] = [];
  await restoreBackup(store, source.archive.file, {
    actor: 'cli:t',
    replace: true,
    key: source.key,
    onProgress: () => {
      seen.push(store.getSetting(RESTORE_MARKER));
    },
  });
  const markers = await Promise.all(seen);
  expect(markers).to.have.length.greaterThan(1);
  for (const marker of markers) expect(marker).to.deep.include({ file: source.archive.file, actor: 'cli:t' });
  expect(await unfinishedRestore(store)).to.equal(undefined);
}

describe('the restore marker', function () {
  this.timeout(120_000);

  it('is in the store while a --replace restore writes, and gone once it has finished', async () => {
    const target = await tempEmbeddedStore();
    try {
      await expectMarkedWhileReplacing(target.store);
    } finally {
      await target.dispose();
    }
  });

  it('is kept the same way on a MongoDB-wire server (FerretDB)', async function () {
    const mongo = await MongoStore.open(mongoUriOrSkip(this));
    try {
      await expectMarkedWhileReplacing(mongo);
    } finally {
      await mongo.close();
    }
  });

  it('makes a backup of a marked store refuse, naming the unfinished restore', async () => {
    const source = await filledSource();
    const target = await tempEmbeddedStore();
    try {
      await target.store.putSetting(RESTORE_MARKER, {
        file: 'old.backup.gz',
        startedAt: '2025-06-01T08:00:00.000Z',
        actor: 'cli:li',
      });
      let caught: unknown;
      try {
        await writeBackup(target.store, path.join(source.dir, 'marked.backup.gz'), { actor: 'cli:t' });
      } catch (error) {
        caught = error;
      }
      expect(caught).to.be.instanceOf(StoreUnavailableError);
      expect((caught as Error).message).to.include(
        'the restore of old.backup.gz started at 2025-06-01T08:00:00.000Z',
      );
    } finally {
      await target.dispose();
    }
  });
});
