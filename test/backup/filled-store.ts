/**
 * The source of the backup tests, built once per test run: the demo city (1,088 units, three
 * periods of observations, a published evaluation with Monte Carlo results) plus a failed import,
 * users made through the access code (password hashes, a unit scope, a disabled account), an API
 * token and a browser session, and audit events. Its snapshot is taken before anything is backed
 * up; the archive is written once, signed with a backup key made for the run, and shared.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createUser, updateUser } from '../../server/access/user-admin.js';
import { createBackupKey, type BackupKey } from '../../server/backup/backup-key.js';
import { writeBackup, type WrittenBackup } from '../../server/backup/write-backup.js';
import { loadDemo } from '../../server/demo/load-demo.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import { indicatorsDir } from '../../server/paths.js';
import type { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { seedUser, TEST_COST, type SeededUser } from '../support/auth.js';
import { tempEmbeddedStore } from '../support/temp-store.js';
import { storeSnapshot } from './store-snapshot.js';

export interface FilledSource {
  readonly store: EmbeddedStore;
  /** What the store answered before the backup. */
  readonly snapshot: Record<string, unknown>;
  readonly archive: WrittenBackup;
  /** The key that signed the archive. */
  readonly key: BackupKey;
  readonly admin: SeededUser;
  /** A folder for the tests' own files, removed after the run. */
  readonly dir: string;
}

let filled: Promise<FilledSource> | undefined;
let dispose: (() => Promise<void>) | undefined;

async function fill(store: EmbeddedStore): Promise<SeededUser> {
  await loadDemo(store, await loadRegistry(indicatorsDir));
  const failed = await store.imports.begin({
    kind: 'observations',
    actor: 'wang',
    fileName: '断档.csv',
    sha256: 'a'.repeat(64),
    period: '2025',
    periods: ['2025'],
  });
  await store.imports.fail(failed.id, { reason: 'the file ended in the middle of a row' });
  const admin = await seedUser(store, 'admin', { login: 'admin' });
  const district = (await store.units.list({ level: 'district' }))[0]?.code ?? '';
  await createUser(
    store,
    'admin',
    { login: 'wang', displayName: '王评估', role: 'evaluator', password: 'wang-password-1' },
    TEST_COST,
  );
  const viewer = await createUser(
    store,
    'admin',
    {
      login: 'zhao',
      displayName: '赵街道',
      role: 'viewer',
      unitScope: [district],
      password: 'zhao-password-1',
    },
    TEST_COST,
  );
  const gone = await createUser(store, 'admin', { login: 'qian', displayName: '钱', role: 'researcher' });
  await updateUser(store, 'admin', gone.id, { disabled: true });
  await store.audit.append({
    actor: 'zhao',
    action: 'login.success',
    target: viewer.id,
    detail: { from: '10.0.0.8' },
  });
  return admin;
}

/** The shared source store and its archive (made on first use). */
export function filledSource(): Promise<FilledSource> {
  filled ??= (async () => {
    const temp = await tempEmbeddedStore();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-backup-'));
    dispose = async () => {
      await temp.dispose();
      await rm(dir, { recursive: true, force: true });
    };
    const admin = await fill(temp.store);
    const snapshot = await storeSnapshot(temp.store);
    const key = await createBackupKey(path.join(dir, 'backup.key'));
    const archive = await writeBackup(temp.store, path.join(dir, 'source.backup.gz'), {
      actor: 'cli:test',
      key,
    });
    return { store: temp.store, snapshot, archive, key, admin, dir };
  })();
  return filled;
}

after(async () => {
  await dispose?.();
});
