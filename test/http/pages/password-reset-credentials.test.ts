/**
 * What a new password does to a user's API tokens, through the real pages: an admin's reset on
 * /admin/users/:id revokes them (and the page says so beforehand), the user's own change on
 * /account keeps them (and that page says so too).
 */
import { expect } from 'chai';
import { buildApp } from '../../../server/app.js';
import { appDeps } from '../../support/app-deps.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { serve, type Served } from '../../support/http.js';
import { tempEmbeddedStore } from '../../support/temp-store.js';
import { formFor, Visitor } from '../../reports/http/visitor.js';

describe('pages: API tokens after a password reset or change', function () {
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

  /** The status of GET /api/v1/me with these headers (200 while the token is valid). */
  async function me(headers: Readonly<Record<string, string>>): Promise<number> {
    return (await fetch(`${served.url}/api/v1/me`, { headers })).status;
  }

  it('says on the reset form that sessions and API tokens end, in both languages', async () => {
    const user = await seedUser(temp.store, 'evaluator');
    const visitor = new Visitor(served.url, admin.cookie);
    const zh = await visitor.get(`/admin/users/${user.user.id}`);
    const en = await visitor.get(`/admin/users/${user.user.id}?lang=en`);
    expect(zh.html).to.include('重置密码后，该用户的所有登录会话和 API 令牌立即失效。');
    expect(en.html).to.include(
      'Resetting the password ends all of the user’s sessions and revokes their API tokens at once.',
    );
  });

  it('revokes the user’s API tokens and sessions when an admin resets the password on the page', async () => {
    const user = await seedUser(temp.store, 'evaluator');
    expect(await me(user.headers)).to.equal(200);
    const visitor = new Visitor(served.url, admin.cookie);
    const page = await visitor.get(`/admin/users/${user.user.id}`);
    const answer = await visitor.submit(formFor(page.html, `/admin/users/${user.user.id}/password`), {
      password: 'a brand new password 1',
      password2: 'a brand new password 1',
    });
    expect(answer.status).to.equal(303);
    expect(await me(user.headers)).to.equal(401);
    expect(await me({ cookie: user.cookie })).to.equal(401);
    const revoked = await temp.store.audit.list({ action: 'token.revoke' });
    expect(revoked.map((e) => [e.actor, e.detail])).to.deep.equal([
      [admin.user.login, { login: user.user.login, kind: 'token', label: 'tests', reason: 'password_reset' }],
    ]);
  });

  it('keeps the user’s API tokens when they change their own password, as the account page says', async () => {
    const user = await seedUser(temp.store, 'evaluator');
    const visitor = new Visitor(served.url, user.cookie);
    const page = await visitor.get('/account?lang=en');
    expect(page.html).to.include(
      'Changing your password logs you out everywhere else, but your API tokens stay valid: revoke below any that others may know.',
    );
    const before = (await temp.store.audit.list({ action: 'token.revoke' })).length;
    const answer = await visitor.submit(formFor(page.html, '/account/password'), {
      current: user.password,
      password: 'my own new password 2',
      password2: 'my own new password 2',
    });
    expect([answer.status, answer.location]).to.deep.equal([303, '/account?done=password']);
    expect(await me(user.headers)).to.equal(200);
    expect(await temp.store.audit.list({ action: 'token.revoke' })).to.have.length(before);
  });
});
