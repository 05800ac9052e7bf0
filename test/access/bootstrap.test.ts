import { expect } from 'chai';
import {
  bootstrapSecretIsValid,
  completeBootstrap,
  needsBootstrap,
  openBootstrap,
} from '../../server/access/bootstrap.js';
import { verifyPassword } from '../../server/access/passwords.js';
import { ConflictError, UnauthenticatedError } from '../../server/errors.js';
import type { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { tempEmbeddedStore } from '../support/temp-store.js';
import { rejection } from '../support/rejection.js';

const ADMIN = { login: 'admin', displayName: '管理员', password: 'first-admin-password' };

describe('first-admin bootstrap', function () {
  this.timeout(20_000);
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ store, dispose } = await tempEmbeddedStore());
  });
  afterEach(async () => {
    await dispose();
  });

  it('gives a setup secret on a store without users, and keeps only its hash', async () => {
    const secret = await openBootstrap(store);
    expect(secret).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(await bootstrapSecretIsValid(store, secret ?? '')).to.equal(true);
    const stored = JSON.stringify(await store.raw.dump('settings')[Symbol.asyncIterator]().next());
    expect(stored).not.to.include(secret ?? '');
  });

  it('creates the first admin once with the secret, audited as setup.admin', async () => {
    const secret = (await openBootstrap(store)) ?? '';
    const admin = await completeBootstrap(store, secret, ADMIN);
    expect(admin).to.include({ login: 'admin', role: 'admin', disabled: false });
    expect(await verifyPassword(ADMIN.password, admin.passwordHash)).to.equal(true);
    const actions = (await store.audit.list()).map((event) => event.action);
    expect(actions.sort()).to.deep.equal(['setup.admin', 'user.create']);
    const [setup] = await store.audit.list({ action: 'setup.admin' });
    expect(setup).to.deep.include({ actor: 'admin', target: admin.id });
    expect(await needsBootstrap(store)).to.equal(false);
  });

  it('refuses the same secret a second time, once the admin exists', async () => {
    const secret = (await openBootstrap(store)) ?? '';
    await completeBootstrap(store, secret, ADMIN);
    expect(await bootstrapSecretIsValid(store, secret)).to.equal(false);
    const again = await rejection(completeBootstrap(store, secret, { ...ADMIN, login: 'second' }));
    expect(again).to.be.instanceOf(ConflictError);
    expect((await store.users.list()).map((user) => user.login)).to.deep.equal(['admin']);
  });

  it('refuses a wrong secret and creates nobody', async () => {
    await openBootstrap(store);
    const error = await rejection(completeBootstrap(store, 'x'.repeat(43), ADMIN));
    expect(error).to.be.instanceOf(UnauthenticatedError);
    expect(await store.users.list()).to.deep.equal([]);
  });

  it('refuses any secret before one was opened', async () => {
    expect(await bootstrapSecretIsValid(store, 'x'.repeat(43))).to.equal(false);
  });

  it('retires the earlier secret when the server starts again', async () => {
    const first = (await openBootstrap(store)) ?? '';
    const second = (await openBootstrap(store)) ?? '';
    expect(await bootstrapSecretIsValid(store, first)).to.equal(false);
    expect(await bootstrapSecretIsValid(store, second)).to.equal(true);
  });

  it('gives no secret once any user exists, and refuses a secret opened before', async () => {
    const secret = (await openBootstrap(store)) ?? '';
    await store.users.create({ login: 'li', displayName: '李', role: 'viewer' });
    expect(await openBootstrap(store)).to.equal(undefined);
    expect(await bootstrapSecretIsValid(store, secret)).to.equal(false);
  });
});
