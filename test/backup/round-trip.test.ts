import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkLogin } from '../../server/access/login.js';
import { restoreBackup } from '../../server/backup/restore-backup.js';
import { writeBackup } from '../../server/backup/write-backup.js';
import { UnauthenticatedError } from '../../server/errors.js';
import { MongoStore } from '../../server/store/mongo/mongo-store.js';
import type { User } from '../../server/store/models/user.js';
import type { Store } from '../../server/store/store.js';
import { mongoUriOrSkip } from '../support/mongo-target.js';
import { tempEmbeddedStore } from '../support/temp-store.js';
import { filledSource } from './filled-store.js';
import { storeSnapshot } from './store-snapshot.js';

/** What a restored store must answer: the source's answers, with users' secrets and credentials gone. */
function expectedAfterRestore(snapshot: Record<string, unknown>): Record<string, unknown> {
  const users = (snapshot.users as User[]).map((user) => ({ ...user, passwordHash: null }));
  return { ...snapshot, users, credentials: [] };
}

/** Restores the shared archive into `target` and checks every answer against the source's. */
async function expectRestoredEqual(target: Store): Promise<void> {
  const source = await filledSource();
  const restored = await restoreBackup(target, source.archive.file, {
    actor: 'cli:restorer',
    replace: false,
    key: source.key,
  });
  expect(restored.signature).to.equal('verified');
  expect(restored.documents).to.equal(source.archive.documents);
  const snapshot = await storeSnapshot(target);
  const [restoreEvent, ...audit] = snapshot.audit as { action: string; actor: string }[];
  expect(restoreEvent).to.include({ action: 'backup.restore', actor: 'cli:restorer' });
  expect({ ...snapshot, audit }).to.deep.equal(expectedAfterRestore(source.snapshot));
}

describe('backup and restore: round trip', function () {
  this.timeout(180_000);

  it('restores into a fresh embedded store everything the source answered, users without passwords', async () => {
    const target = await tempEmbeddedStore();
    try {
      await expectRestoredEqual(target.store);
    } finally {
      await target.dispose();
    }
  });

  it('holds a published evaluation with results and users with password hashes in the source', async () => {
    const { snapshot } = await filledSource();
    const evaluations = snapshot.evaluations as { status: string; results: unknown }[];
    expect(evaluations.map((e) => e.status)).to.deep.equal(['published']);
    expect(snapshot.results).to.have.length(1);
    expect((snapshot.users as User[]).filter((u) => u.passwordHash !== null)).to.have.length(3);
    expect(snapshot.credentials).to.have.length(2);
    expect(snapshot.observationPeriods).to.deep.equal(['2023', '2024', '2025']);
  });

  it('leaves restored users unable to log in until a password is set again', async () => {
    const source = await filledSource();
    const target = await tempEmbeddedStore();
    try {
      await restoreBackup(target.store, source.archive.file, {
        actor: 'cli:restorer',
        replace: false,
        key: source.key,
      });
      let caught: unknown;
      try {
        await checkLogin(target.store, 'admin', source.admin.password, 'test');
      } catch (error) {
        caught = error;
      }
      expect(caught).to.be.instanceOf(UnauthenticatedError);
    } finally {
      await target.dispose();
    }
  });

  describe('with a MongoDB-wire server', () => {
    let uri: string;
    before(function () {
      uri = mongoUriOrSkip(this);
    });

    it('restores into a fresh mongo database, and a backup of that restores into embedded unchanged', async () => {
      const mongo = await MongoStore.open(uri);
      const dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-backup-mongo-'));
      const embedded = await tempEmbeddedStore();
      try {
        await expectRestoredEqual(mongo);
        const fromMongo = await storeSnapshot(mongo);
        const { key } = await filledSource();
        const again = await writeBackup(mongo, path.join(dir, 'from-mongo.backup.gz'), {
          actor: 'cli:test',
          key,
        });
        expect(again.header.storeKind).to.equal('mongo');
        await restoreBackup(embedded.store, again.file, { actor: 'cli:restorer', replace: false, key });
        const snapshot = await storeSnapshot(embedded.store);
        const [restoreEvent, ...audit] = snapshot.audit as { action: string }[];
        expect(restoreEvent?.action).to.equal('backup.restore');
        expect({ ...snapshot, audit }).to.deep.equal(fromMongo);
      } finally {
        await mongo.close();
        await embedded.dispose();
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
});
