import { expect } from 'chai';
import { issueApiToken, startSession } from '../../server/access/credentials.js';
import { verifyPassword } from '../../server/access/passwords.js';
import { createUser, publicUser, updateUser, userByLogin } from '../../server/access/user-admin.js';
import { ConflictError, NotFoundError, ValidationError } from '../../server/errors.js';
import type { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { importRecords } from '../../server/store/import-records.js';
import type { Role } from '../../server/store/models/user.js';
import { TEST_COST } from '../support/auth.js';
import { tempEmbeddedStore } from '../support/temp-store.js';
import { rejection } from '../support/rejection.js';

function detailsOf(error: Error): readonly { where?: string; message: string }[] {
  return error instanceof ValidationError ? error.details : [];
}

describe('user administration', () => {
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ store, dispose } = await tempEmbeddedStore());
  });
  afterEach(async () => {
    await dispose();
  });

  const add = (login: string, role: Role, password?: string) =>
    createUser(
      store,
      'root',
      { login, displayName: login, role, ...(password === undefined ? {} : { password }) },
      TEST_COST,
    );

  it('creates a user whose password verifies, and audits user.create without the hash', async () => {
    const user = await add('li', 'evaluator', 'li-password-1');
    expect(await verifyPassword('li-password-1', user.passwordHash)).to.equal(true);
    const [event] = await store.audit.list({ action: 'user.create' });
    expect(event).to.deep.include({ actor: 'root', target: user.id });
    expect(event?.detail).to.deep.equal({ login: 'li', role: 'evaluator', unitScope: null });
  });

  it('creates a user without a password, who cannot log in until one is set', async () => {
    const user = await add('qian', 'viewer');
    expect(user.passwordHash).to.equal(null);
    expect(publicUser(user)).to.include({ hasPassword: false });
    expect(publicUser(user)).not.to.have.property('passwordHash');
  });

  it('refuses an unknown role and an unacceptable password, naming the field', async () => {
    const role = await rejection(add('li', 'chief' as Role, 'li-password-1'));
    expect(role).to.be.instanceOf(ValidationError);
    expect(detailsOf(role)[0]?.where).to.equal('role');
    const password = await rejection(add('li', 'viewer', 'li'));
    expect(detailsOf(password).map((d) => d.where)).to.deep.equal(['password', 'password']);
    expect(await store.users.list()).to.deep.equal([]);
  });

  it('refuses a second user with the same login in another case', async () => {
    await add('Li', 'viewer');
    expect(await rejection(add('li', 'viewer'))).to.be.instanceOf(ConflictError);
  });

  it('refuses to disable the last active admin', async () => {
    const admin = await add('admin', 'admin');
    const error = await rejection(updateUser(store, 'root', admin.id, { disabled: true }));
    expect(error).to.be.instanceOf(ConflictError);
    expect((await store.users.get(admin.id))?.disabled).to.equal(false);
  });

  it('refuses to demote the last active admin, counting a disabled admin as none', async () => {
    const admin = await add('admin', 'admin');
    const other = await add('other', 'admin');
    await updateUser(store, 'root', other.id, { disabled: true });
    const error = await rejection(updateUser(store, 'root', admin.id, { role: 'viewer' }));
    expect(error.message).to.equal('this is the last active admin: make another admin first');
  });

  it('demotes an admin while another active admin remains', async () => {
    const admin = await add('admin', 'admin');
    await add('other', 'admin');
    expect((await updateUser(store, 'root', admin.id, { role: 'viewer' })).role).to.equal('viewer');
    const [event] = await store.audit.list({ action: 'user.update' });
    expect(event?.detail).to.deep.equal({ login: 'admin', role: { from: 'admin', to: 'viewer' } });
  });

  it('revokes every session and token when a user is disabled, audited as user.disable', async () => {
    const user = await add('li', 'evaluator');
    await startSession(store, user);
    await issueApiToken(store, user, 'nightly');
    await updateUser(store, 'root', user.id, { disabled: true });
    expect(await store.sessions.list({ userId: user.id })).to.deep.equal([]);
    const [disabled] = await store.audit.list({ action: 'user.disable' });
    expect(disabled?.target).to.equal(user.id);
    await updateUser(store, 'root', user.id, { disabled: false });
    const [enabled] = await store.audit.list({ action: 'user.enable' });
    expect(enabled?.target).to.equal(user.id);
  });

  it('revokes every session and API token when an admin resets the password, each token audited', async () => {
    const user = await add('li', 'evaluator', 'li-password-1');
    await startSession(store, user);
    const nightly = await issueApiToken(store, user, 'nightly');
    const weekly = await issueApiToken(store, user, 'weekly');
    const after = await updateUser(store, 'root', user.id, { password: 'li-password-2' }, TEST_COST);
    expect(await verifyPassword('li-password-2', after.passwordHash)).to.equal(true);
    expect(await store.sessions.list({ userId: user.id })).to.deep.equal([]);
    const revoked = await store.audit.list({ action: 'token.revoke' });
    expect(Object.fromEntries(revoked.map((e) => [e.target ?? '', [e.actor, e.detail]]))).to.deep.equal({
      [nightly.session.id]: [
        'root',
        { login: 'li', kind: 'token', label: 'nightly', reason: 'password_reset' },
      ],
      [weekly.session.id]: [
        'root',
        { login: 'li', kind: 'token', label: 'weekly', reason: 'password_reset' },
      ],
    });
  });

  it('ends browser sessions but keeps API tokens when users change their own password', async () => {
    const user = await add('li', 'evaluator', 'li-password-1');
    await startSession(store, user);
    const token = await issueApiToken(store, user, 'nightly');
    const after = await updateUser(store, 'li', user.id, { password: 'li-password-2' }, TEST_COST);
    expect(await verifyPassword('li-password-2', after.passwordHash)).to.equal(true);
    expect((await store.sessions.list({ userId: user.id })).map((s) => s.id)).to.deep.equal([
      token.session.id,
    ]);
    expect(await store.audit.list({ action: 'token.revoke' })).to.deep.equal([]);
  });

  it('never writes a password or its hash into the audit log', async () => {
    const user = await add('li', 'evaluator', 'li-password-1');
    await updateUser(store, 'root', user.id, { password: 'li-password-2' }, TEST_COST);
    const audit = JSON.stringify(await store.audit.list());
    const hash = (await store.users.get(user.id))?.passwordHash ?? '';
    expect(audit).not.to.include('li-password');
    expect(audit).not.to.include('scrypt$');
    expect(audit).not.to.include(hash);
    expect(audit).not.to.include(user.passwordHash ?? '');
    const [event] = await store.audit.list({ action: 'user.update' });
    expect(event?.detail).to.deep.equal({ login: 'li', password: 'reset' });
  });

  it('refuses a unit scope naming units that do not exist, listing them, and accepts known ones', async () => {
    const units = [
      {
        code: '420102',
        name: { zh: '江岸区', en: 'Jiang’an' },
        level: 'district',
        parent: null,
        attributes: {},
      },
      {
        code: '420102001',
        name: { zh: '大智街道', en: 'Dazhi' },
        level: 'street',
        parent: '420102',
        attributes: {},
      },
    ];
    await importRecords(
      store,
      { kind: 'units', actor: 't', fileName: 'u.json', sha256: 'b'.repeat(64), period: null, periods: [] },
      units,
      { tally: { rows: 2, errors: 0, warnings: 0 } },
    );
    const error = await rejection(
      createUser(store, 'root', {
        login: 'zhao',
        displayName: '赵',
        role: 'viewer',
        unitScope: ['420102', '999'],
      }),
    );
    expect(detailsOf(error)).to.deep.equal([
      { where: 'unitScope', message: 'unknown unit codes: 999', zh: '单位名册中没有这些代码：999' },
    ]);
    const user = await createUser(store, 'root', {
      login: 'zhao',
      displayName: '赵',
      role: 'viewer',
      unitScope: ['420102001'],
    });
    expect(user.unitScope).to.deep.equal(['420102001']);
  });

  it('finds a user by login in any case, and names a login that does not exist', async () => {
    await add('Wang', 'viewer');
    expect((await userByLogin(store, 'wang')).login).to.equal('Wang');
    const error = await rejection(userByLogin(store, 'nobody'));
    expect(error).to.be.instanceOf(NotFoundError);
    expect(error.message).to.equal('no user with the login nobody');
  });
});
