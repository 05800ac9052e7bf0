import { expect } from 'chai';
import { openBootstrap } from '../../../server/access/bootstrap.js';
import { buildApp } from '../../../server/app.js';
import type { Store } from '../../../server/store/store.js';
import { appDeps } from '../../support/app-deps.js';
import { serve, type Served } from '../../support/http.js';
import { tempEmbeddedStore } from '../../support/temp-store.js';
import { formFor, formsOf, Visitor } from './visitor.js';

const ADMIN = { login: 'chen.admin', displayName: '陈管理员', password: 'first admin password' };

describe('first-time setup page (empty store)', function () {
  this.timeout(60_000);
  let store: Store;
  let served: Served;
  let dispose: () => Promise<void>;
  let secret: string;

  before(async () => {
    const temp = await tempEmbeddedStore();
    store = temp.store;
    dispose = temp.dispose;
    served = await serve(buildApp(await appDeps(store)));
    secret = (await openBootstrap(store)) ?? '';
  });
  after(async () => {
    await served.close();
    await dispose();
  });

  it('points the login page to the setup link while there are no users', async () => {
    const { html } = await new Visitor(served.url).get('/login');
    expect(html).to.include('系统还没有任何用户');
  });

  it('refuses a wrong setup token (403) without a form', async () => {
    const answer = await new Visitor(served.url).get('/setup?token=not-the-token-printed-at-start');
    expect(answer.status).to.equal(403);
    expect(formsOf(answer.html).filter((f) => f.method === 'post')).to.deep.equal([]);
  });

  it('keeps what was typed when the two passwords differ, creating nobody', async () => {
    const visitor = new Visitor(served.url);
    const page = await visitor.get(`/setup?token=${secret}`);
    const answer = await visitor.submit(formFor(page.html, '/setup'), {
      ...ADMIN,
      password2: 'another admin password',
    });
    expect(answer.status).to.equal(400);
    expect(answer.html).to.include('两次输入的密码不一致。').and.include(`value="${ADMIN.login}"`);
    expect(await store.users.list()).to.deep.equal([]);
  });

  it('creates the first admin once, logs them in, and then refuses', async () => {
    const visitor = new Visitor(served.url);
    const page = await visitor.get(`/setup?token=${secret}`);
    const form = formFor(page.html, '/setup');
    const created = await visitor.submit(form, { ...ADMIN, password2: ADMIN.password });
    const users = await visitor.get(created.location ?? '/');
    const again = await new Visitor(served.url).get(`/setup?token=${secret}`);
    const latecomer = new Visitor(served.url);
    const login = await latecomer.get('/login');
    const repost = await latecomer.post('/setup', {
      ...form.fields,
      _csrf: formFor(login.html, '/login').fields._csrf ?? '',
      login: 'intruder',
      displayName: 'x',
      password: 'intruder password 1',
      password2: 'intruder password 1',
    });
    const stored = await store.users.list();
    const audit = await store.audit.list({ action: 'setup.admin' });

    expect(page.status).to.equal(200);
    expect([created.status, created.location]).to.deep.equal([303, '/admin/users']);
    expect(users.status).to.equal(200);
    expect(users.html).to.include(ADMIN.displayName).and.include('管理员');
    expect(again.status).to.equal(409);
    expect(again.html).to.include('系统已有用户，无需初始设置').and.include('href="/login"');
    expect(repost.status).to.equal(409);
    expect(stored.map((u) => [u.login, u.role])).to.deep.equal([[ADMIN.login, 'admin']]);
    expect(audit.map((e) => e.actor)).to.deep.equal([ADMIN.login]);
  });

  it('lets the new admin log in with the chosen password', async () => {
    const visitor = new Visitor(served.url);
    const page = await visitor.get('/login?next=%2Faccount');
    const answer = await visitor.submit(formFor(page.html, '/login'), {
      login: ADMIN.login,
      password: ADMIN.password,
    });
    expect([answer.status, answer.location]).to.deep.equal([303, '/account']);
  });
});
