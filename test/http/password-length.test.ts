/**
 * A password the policy accepts logs in through every door: made through the users API, used at
 * the API login and on the login page. 120 emoji used to pass the policy and never log in.
 */
import { expect } from 'chai';
import { buildApp } from '../../server/app.js';
import { appDeps } from '../support/app-deps.js';
import { seedUser, type SeededUser } from '../support/auth.js';
import { serve, type Served } from '../support/http.js';
import { tempEmbeddedStore } from '../support/temp-store.js';
import { formFor, Visitor } from '../reports/http/visitor.js';

describe('password length: one rule for setting and for logging in', function () {
  this.timeout(60_000);
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

  async function createUser(login: string, password: string): Promise<number> {
    const response = await fetch(`${served.url}/api/v1/users`, {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ login, displayName: login, role: 'viewer', password }),
    });
    return response.status;
  }

  async function apiLogin(login: string, password: string): Promise<number> {
    const response = await fetch(`${served.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    return response.status;
  }

  async function pageLogin(login: string, password: string): Promise<number> {
    const visitor = new Visitor(served.url);
    const form = formFor((await visitor.get('/login')).html, '/login');
    return (await visitor.submit(form, { login, password })).status;
  }

  it('logs in with a password of 120 emoji through the API and the login page', async () => {
    const password = '\u{1F600}'.repeat(120);
    expect(await createUser('emoji', password)).to.equal(201);
    expect([await apiLogin('emoji', password), await pageLogin('emoji', password)]).to.deep.equal([200, 303]);
  });

  it('logs in with 200 letters typed decomposed (400 code points, 200 once composed)', async () => {
    const password = 'e\u0301'.repeat(200);
    expect(await createUser('accents', password)).to.equal(201);
    expect([await apiLogin('accents', password), await pageLogin('accents', password)]).to.deep.equal([
      200, 303,
    ]);
  });

  it('refuses 201 emoji when the password is set, so none is stored that could never log in', async () => {
    expect(await createUser('toolong', '\u{1F600}'.repeat(201))).to.equal(400);
    expect(await temp.store.users.findByLogin('toolong')).to.equal(undefined);
  });

  it('lets a browser take 200 emoji (400 UTF-16 units) in every password field of the pages', async () => {
    const asAdmin = new Visitor(served.url, admin.cookie);
    const pages = [
      (await new Visitor(served.url).get('/login')).html,
      (await asAdmin.get('/account')).html,
      (await asAdmin.get('/admin/users')).html,
      (await asAdmin.get(`/admin/users/${admin.user.id}`)).html,
    ];
    const limits = pages.flatMap((html) =>
      [...html.matchAll(/<input type="password"[^>]*>/g)].map((m) => /maxlength="(\d+)"/.exec(m[0])?.[1]),
    );
    expect(limits).to.have.length(7);
    expect(limits.filter((limit) => limit !== undefined && Number(limit) < 400)).to.deep.equal([]);
  });
});
