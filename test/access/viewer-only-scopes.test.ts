import { expect } from 'chai';
import { checkLogin } from '../../server/access/login.js';
import { hashPassword } from '../../server/access/passwords.js';
import { createUser, updateUser } from '../../server/access/user-admin.js';
import { clearScopesOfNonViewers } from '../../server/access/viewer-only-scopes.js';
import { ValidationError } from '../../server/errors.js';
import type { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { importRecords } from '../../server/store/import-records.js';
import type { Role } from '../../server/store/models/user.js';
import { TEST_COST } from '../support/auth.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('unit scopes are for viewers only', () => {
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ store, dispose } = await tempEmbeddedStore());
    const units = [
      {
        code: '420102',
        name: { zh: '江岸区', en: 'Jiang’an' },
        level: 'district',
        parent: null,
        attributes: {},
      },
    ];
    await importRecords(
      store,
      { kind: 'units', actor: 't', fileName: 'u.json', sha256: 'c'.repeat(64), period: null, periods: [] },
      units,
      { tally: { rows: 1, errors: 0, warnings: 0 } },
    );
  });
  afterEach(async () => {
    await dispose();
  });

  const add = (login: string, role: Role, unitScope: readonly string[] | null = null) =>
    createUser(store, 'root', { login, displayName: login, role, unitScope });

  it('refuses to create an admin, evaluator or researcher with a scope, in Chinese and English', async () => {
    for (const role of ['admin', 'evaluator', 'researcher'] as const) {
      const error = await refusal(add(`u-${role}`, role, ['420102']));
      expect([error.zh, error.message]).to.deep.equal([
        '单位范围仅适用于查看者',
        'unit scopes are for viewers only',
      ]);
      expect(error.details).to.deep.equal([
        {
          where: 'unitScope',
          message: `only a viewer may have a unit scope, not ${role}`,
          zh: `单位范围仅适用于查看者，不能设置给“${{ admin: '管理员', evaluator: '评估员', researcher: '研究员' }[role]}”`,
        },
      ]);
    }
    expect((await store.users.list()).map((u) => u.login)).to.deep.equal([]);
  });

  it('creates a viewer with a scope', async () => {
    expect((await add('zhao', 'viewer', ['420102'])).unitScope).to.deep.equal(['420102']);
  });

  it('refuses to give an evaluator a scope and leaves it without one', async () => {
    const user = await add('li', 'evaluator');
    const error = await refusal(updateUser(store, 'root', user.id, { unitScope: ['420102'] }));
    expect(error.details[0]?.where).to.equal('unitScope');
    expect((await store.users.get(user.id))?.unitScope).to.equal(null);
  });

  it('refuses another role for a scoped viewer unless the same change clears the scope', async () => {
    const user = await add('zhao', 'viewer', ['420102']);
    const error = await refusal(updateUser(store, 'root', user.id, { role: 'evaluator' }));
    expect(error.details).to.deep.equal([
      {
        where: 'role',
        message: 'a user with a unit scope can become evaluator only when the same change clears the scope',
        zh: '单位范围仅适用于查看者：改为“评估员”时请同时清除单位范围',
      },
    ]);
    expect((await store.users.get(user.id))?.role).to.equal('viewer');
    const after = await updateUser(store, 'root', user.id, { role: 'evaluator', unitScope: null });
    expect([after.role, after.unitScope]).to.deep.equal(['evaluator', null]);
  });

  it('still lets an admin disable or rename a non-viewer left with a scope from before the rule', async () => {
    const legacy = await store.users.create({
      login: 'old',
      displayName: 'old',
      role: 'evaluator',
      unitScope: ['420102'],
      passwordHash: null,
    });
    const after = await updateUser(store, 'root', legacy.id, { displayName: 'Old', disabled: true });
    expect([after.displayName, after.disabled]).to.deep.equal(['Old', true]);
  });

  it('clears at start-up every non-viewer scope left from before the rule, audited, and keeps viewers’', async () => {
    const legacy = await store.users.create({
      login: 'old',
      displayName: 'old',
      role: 'researcher',
      unitScope: ['420102'],
      passwordHash: null,
    });
    const viewer = await add('zhao', 'viewer', ['420102']);
    expect(await clearScopesOfNonViewers(store)).to.deep.equal(['old']);
    expect((await store.users.get(legacy.id))?.unitScope).to.equal(null);
    expect((await store.users.get(viewer.id))?.unitScope).to.deep.equal(['420102']);
    const events = await store.audit.list({ action: 'user.update', target: legacy.id });
    expect(events.map((e) => [e.actor, e.detail])).to.deep.equal([
      [
        'system',
        {
          login: 'old',
          unitScope: { from: ['420102'], to: null },
          reason: 'unit scopes apply to viewers only',
        },
      ],
    ]);
    expect(await clearScopesOfNonViewers(store)).to.deep.equal([]);
  });

  it('clears such a scope when that user logs in, and the session starts without it', async () => {
    const legacy = await store.users.create({
      login: 'old',
      displayName: 'old',
      role: 'evaluator',
      unitScope: ['420102'],
      passwordHash: await hashPassword('old-password-1', TEST_COST),
    });
    const user = await checkLogin(store, 'old', 'old-password-1', '127.0.0.1');
    expect(user.unitScope).to.equal(null);
    expect((await store.users.get(legacy.id))?.unitScope).to.equal(null);
    expect(await store.audit.list({ action: 'user.update', target: legacy.id })).to.have.length(1);
  });
});
