/**
 * The admin pages keep unit scopes to viewers: the new-user form and the user form refuse a scope
 * on another role, and another role for a scoped viewer unless the scope is cleared in the same
 * change, showing the bilingual reason on the form (400) and storing nothing.
 */
import { expect } from 'chai';
import { buildApp } from '../../../server/app.js';
import { appDeps } from '../../support/app-deps.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { serve, type Served } from '../../support/http.js';
import { tempEmbeddedStore } from '../../support/temp-store.js';
import { formFor, Visitor } from '../../reports/http/visitor.js';

describe('pages: unit scopes on the admin forms are for viewers only', function () {
  this.timeout(30_000);
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let served: Served;
  let admin: SeededUser;

  before(async () => {
    temp = await tempEmbeddedStore();
    admin = await seedUser(temp.store, 'admin');
    served = await serve(buildApp(await appDeps(temp.store)));
  });

  after(async () => {
    await served.close();
    await temp.dispose();
  });

  it('refuses a new evaluator with a scope, saying why, and creates nobody', async () => {
    const visitor = new Visitor(served.url, admin.cookie);
    const page = await visitor.get('/admin/users');
    const answer = await visitor.submit(formFor(page.html, '/admin/users'), {
      login: 'li',
      displayName: 'Li',
      role: 'evaluator',
      scope: 'WY03',
      password: 'li-password-long',
    });
    expect(answer.status).to.equal(400);
    expect(answer.html).to.include('单位范围仅适用于查看者，不能设置给“评估员”');
    expect(await temp.store.users.findByLogin('li')).to.equal(undefined);
  });

  it('refuses another role for a scoped viewer on the user form until the scope field is emptied', async () => {
    const scoped = await seedUser(temp.store, 'viewer', { unitScope: ['WY03'] });
    const visitor = new Visitor(served.url, admin.cookie);
    const action = `/admin/users/${scoped.user.id}`;
    const form = formFor((await visitor.get(action)).html, action);
    expect(form.fields.scope).to.equal('WY03');
    const kept = await visitor.submit(form, { role: 'researcher' });
    expect(kept.status).to.equal(400);
    expect(kept.html).to.include('单位范围仅适用于查看者：改为“研究员”时请同时清除单位范围');
    expect((await temp.store.users.get(scoped.user.id))?.role).to.equal('viewer');
    const cleared = await visitor.submit(form, { role: 'researcher', scope: '' });
    expect(cleared.status).to.equal(303);
    const after = await temp.store.users.get(scoped.user.id);
    expect([after?.role, after?.unitScope]).to.deep.equal(['researcher', null]);
  });
});
