/**
 * Backups hold every user and the audit log: only users.manage may make or restore one.
 */
import { expect } from 'chai';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ForbiddenError } from '../../server/errors.js';
import type { Actor } from '../../server/services/actor.js';
import { backUp, restore } from '../../server/services/back-up.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

describe('back up and restore (use cases)', () => {
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let dir = '';
  const evaluator: Actor = { name: 'zhao', role: 'evaluator', userId: null };
  const admin: Actor = { name: 'root', role: 'admin', userId: null };

  before(async () => {
    temp = await tempEmbeddedStore();
    dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-backup-service-'));
  });
  after(async () => {
    await temp.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses an evaluator a backup and writes no archive', async () => {
    const out = path.join(dir, 'refused.backup.gz');
    expect(await backUp(temp, evaluator, out).catch((e: unknown) => e)).to.be.instanceOf(ForbiddenError);
    expect(await stat(out).catch(() => undefined)).to.equal(undefined);
  });

  it('refuses an evaluator a restore', async () => {
    const error = await restore(temp, evaluator, path.join(dir, 'any.gz'), { replace: true }).catch(
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ForbiddenError);
  });

  it('writes an admin’s backup, audited as backup.create by the admin', async () => {
    await backUp(temp, admin, path.join(dir, 'ok.backup.gz'));
    const [event] = await temp.store.audit.list({ action: 'backup.create' });
    expect(event!.actor).to.equal('root');
  });
});
