import { expect } from 'chai';
import { FAILURES_PER_LOGIN, LOGIN_WINDOW_MS } from '../../../server/http/auth/login-limiter.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { call, demoApi, type ApiFixture } from './api-fixture.js';

interface Problem {
  code: string;
  status: number;
  title: string;
  detail: string;
  errors?: { where?: string; message: string }[];
}
interface LoggedIn {
  user: Record<string, unknown> & { login: string };
  csrfToken: string;
}

/** The zhili_session cookie a response sets, as a Cookie header value ('' when cleared). */
function sessionCookieOf(headers: Headers): string | undefined {
  const cookie = headers.getSetCookie().find((c) => c.startsWith('zhili_session='));
  return cookie?.split(';')[0];
}

describe('API sessions: login, CSRF, logout and the login rate limit', function () {
  this.timeout(60_000);
  let api: ApiFixture;
  let wang: SeededUser;

  before(async () => {
    api = await demoApi();
    wang = await seedUser(api.store, 'evaluator', { login: 'wang' });
  });

  after(async () => {
    await api.close();
  });

  async function login(loginName: string, password: string) {
    return call<LoggedIn & Problem>(`${api.url}/session`, {
      method: 'POST',
      json: { login: loginName, password },
    });
  }

  describe('login', () => {
    it('sets an HttpOnly, SameSite session cookie and answers the user and the CSRF token', async () => {
      const answer = await login('wang', wang.password);
      expect(answer.status).to.equal(200);
      const setCookie = answer.headers.getSetCookie().find((c) => c.startsWith('zhili_session='));
      expect(setCookie)
        .to.match(/HttpOnly/i)
        .and.to.match(/SameSite=Lax/i);
      expect(answer.body.user.login).to.equal('wang');
      expect(answer.body.user).not.to.have.property('passwordHash');
      expect(answer.body.csrfToken).to.have.length.of.at.least(32);
      expect(answer.headers.get('cache-control')).to.include('no-store');
      const me = await call<{ user: { login: string }; csrfToken: string; permissions: string[] }>(
        `${api.url}/me`,
        {
          headers: { cookie: sessionCookieOf(answer.headers)! },
        },
      );
      expect(me.body.user.login).to.equal('wang');
      expect(me.body.csrfToken).to.equal(answer.body.csrfToken);
      expect(me.body.permissions).to.include('data.import').and.not.include('users.manage');
      const audited = await api.store.audit.list({ action: 'login.success', actor: 'wang' });
      expect(audited).to.have.length.of.at.least(1);
    });

    it('answers a wrong login and a wrong password with the identical 401', async () => {
      const unknown = await login('nobody-here', 'whatever-password');
      const wrong = await login('wang', 'not-the-password');
      expect(unknown.status).to.equal(401);
      expect(wrong.status).to.equal(401);
      // Same URL, so the whole problem document, instance included, must be the same.
      expect(unknown.body).to.deep.equal(wrong.body);
      expect(unknown.body.detail).to.equal('the login or the password is wrong, or the account is disabled');
      expect(unknown.headers.getSetCookie()).to.deep.equal([]);
    });

    it('accepts only JSON (415 for a form) and refuses another site (403)', async () => {
      const form = await call<Problem>(`${api.url}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `login=wang&password=${encodeURIComponent(wang.password)}`,
      });
      expect(form.status).to.equal(415);
      const crossSite = await call<Problem>(`${api.url}/session`, {
        method: 'POST',
        headers: { origin: 'https://attacker.example' },
        json: { login: 'wang', password: wang.password },
      });
      expect(crossSite.status).to.equal(403);
      expect(crossSite.headers.getSetCookie()).to.deep.equal([]);
    });

    it('refuses an unknown field in the login body (400)', async () => {
      const answer = await call<Problem>(`${api.url}/session`, {
        method: 'POST',
        json: { login: 'wang', password: wang.password, remember: true },
      });
      expect(answer.status).to.equal(400);
      expect(answer.body.errors?.[0]?.message).to.equal('unknown field "remember"');
    });
  });

  describe('CSRF for cookie calls', () => {
    it('refuses an unsafe cookie call without X-CSRF-Token (403) and stores nothing', async () => {
      const before = await api.store.sessions.list({ userId: wang.user.id, kind: 'token' });
      const answer = await call<Problem>(`${api.url}/tokens`, {
        method: 'POST',
        headers: { cookie: wang.cookie },
        json: { label: 'from a page' },
      });
      expect(answer.status).to.equal(403);
      expect(answer.body.errors?.[0]?.where).to.equal('_csrf');
      expect(await api.store.sessions.list({ userId: wang.user.id, kind: 'token' })).to.have.length(
        before.length,
      );
    });

    it('refuses a wrong X-CSRF-Token (403)', async () => {
      const answer = await call(`${api.url}/tokens`, {
        method: 'POST',
        headers: { cookie: wang.cookie, 'x-csrf-token': `${wang.csrf.slice(0, -1)}x` },
        json: { label: 'from a page' },
      });
      expect(answer.status).to.equal(403);
    });

    it('accepts the call with the session’s X-CSRF-Token', async () => {
      const answer = await call<{ secret: string }>(`${api.url}/tokens`, {
        method: 'POST',
        headers: { cookie: wang.cookie, 'x-csrf-token': wang.csrf },
        json: { label: 'from a page' },
      });
      expect(answer.status).to.equal(201);
      expect(answer.body.secret).to.match(/^zl_/);
    });

    it('refuses a cross-site Origin even with the right token (403)', async () => {
      const answer = await call<Problem>(`${api.url}/tokens`, {
        method: 'POST',
        headers: { cookie: wang.cookie, 'x-csrf-token': wang.csrf, origin: 'https://attacker.example' },
        json: { label: 'from elsewhere' },
      });
      expect(answer.status).to.equal(403);
      expect(answer.body.detail).to.include('another site');
    });

    it('lets cookie reads through without a token, and bearer calls need none', async () => {
      expect((await call(`${api.url}/units?limit=1`, { headers: { cookie: wang.cookie } })).status).to.equal(
        200,
      );
      const bearer = await call(`${api.url}/tokens`, { method: 'POST', as: wang, json: { label: 'script' } });
      expect(bearer.status).to.equal(201);
    });
  });

  describe('logout', () => {
    it('needs the CSRF token, then revokes the session, clears the cookie and audits it', async () => {
      const session = await login('wang', wang.password);
      const cookie = sessionCookieOf(session.headers)!;
      const withoutToken = await call(`${api.url}/session`, { method: 'DELETE', headers: { cookie } });
      expect(withoutToken.status).to.equal(403);
      const out = await call(`${api.url}/session`, {
        method: 'DELETE',
        headers: { cookie, 'x-csrf-token': session.body.csrfToken },
      });
      expect(out.status).to.equal(204);
      expect(sessionCookieOf(out.headers)).to.equal('zhili_session=');
      expect((await call(`${api.url}/me`, { headers: { cookie } })).status).to.equal(401);
      const events = await api.store.audit.list({ action: 'logout', actor: 'wang' });
      expect(events[0]?.target).to.equal(wang.user.id);
    });

    it('refuses to log out an API token (400): tokens are revoked by id', async () => {
      const answer = await call<Problem>(`${api.url}/session`, { method: 'DELETE', as: wang });
      expect(answer.status).to.equal(400);
      expect((await call(`${api.url}/me`, { as: wang })).status).to.equal(200);
    });
  });

  describe('login rate limit', () => {
    it('answers the 6th failed login for one account with 429 and Retry-After, and then even the right password', async () => {
      const li = await seedUser(api.store, 'viewer', { login: 'li' });
      for (let attempt = 1; attempt <= FAILURES_PER_LOGIN; attempt += 1) {
        expect((await login('li', `wrong password ${attempt}`)).status, `attempt ${attempt}`).to.equal(401);
      }
      const sixth = await login('li', 'wrong password 6');
      expect(sixth.status).to.equal(429);
      const retryAfter = Number(sixth.headers.get('retry-after'));
      expect(retryAfter).to.be.within(1, LOGIN_WINDOW_MS / 1000);
      const right = await login('LI', li.password);
      expect(right.status).to.equal(429);
      expect(right.headers.getSetCookie()).to.deep.equal([]);
      // The limit is per account: another user still logs in from the same address.
      expect((await login('wang', wang.password)).status).to.equal(200);
    });
  });
});
