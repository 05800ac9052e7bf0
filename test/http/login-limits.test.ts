/**
 * One account's failed password checks count together, whichever way they arrive: the API login,
 * the login page and the password change on the account page share one limiter.
 */
import { expect } from 'chai';
import { buildApp } from '../../server/app.js';
import { FAILURES_PER_LOGIN } from '../../server/http/auth/login-limiter.js';
import { appDeps } from '../support/app-deps.js';
import { seedUser, type SeededUser } from '../support/auth.js';
import { serve, type Served } from '../support/http.js';
import { tempEmbeddedStore } from '../support/temp-store.js';
import { formFor, Visitor } from '../reports/http/visitor.js';

describe('login limits across channels', () => {
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let served: Served;
  let user: SeededUser;
  let chen: SeededUser;

  before(async () => {
    temp = await tempEmbeddedStore();
    user = await seedUser(temp.store, 'evaluator', { login: 'zhang' });
    chen = await seedUser(temp.store, 'viewer', { login: 'chen' });
    await seedUser(temp.store, 'viewer', { login: 'li' });
    served = await serve(buildApp(await appDeps(temp.store)));
  });

  after(async () => {
    await served.close();
    await temp.dispose();
  });

  async function apiLogin(password: string, login = 'zhang'): Promise<number> {
    const response = await fetch(`${served.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    return response.status;
  }

  it('refuses the next attempt on the page after failures through the API and the account page', async () => {
    expect(FAILURES_PER_LOGIN).to.equal(5);
    expect(await apiLogin('wrong password 1')).to.equal(401);
    expect(await apiLogin('wrong password 2')).to.equal(401);

    const account = new Visitor(served.url, user.cookie);
    const page = await account.get('/account');
    expect(page.status).to.equal(200);
    const form = formFor(page.html, '/account/password');
    for (const attempt of [3, 4, 5]) {
      const answer = await account.submit(form, {
        current: `wrong current ${attempt}`,
        password: 'a new password 123',
        password2: 'a new password 123',
      });
      expect(answer.status, `account attempt ${attempt}`).to.equal(400);
    }

    const visitor = new Visitor(served.url);
    const login = await visitor.get('/login');
    const refused = await visitor.submit(formFor(login.html, '/login'), {
      login: 'zhang',
      password: user.password,
    });
    expect(refused.status).to.equal(429);
    expect(refused.headers.get('retry-after')).to.match(/^\d+$/);
  });

  it('counts failed password changes against the logged-in user, whatever login field the form carries', async () => {
    const account = new Visitor(served.url, chen.cookie);
    const form = formFor((await account.get('/account')).html, '/account/password');
    const statuses: number[] = [];
    for (const attempt of [1, 2, 3, 4, 5, 6]) {
      const answer = await account.post(form.action, {
        ...form.fields,
        // Odd attempts blame another account, even ones a fresh name each time.
        login: attempt % 2 === 1 ? 'li' : `nobody${attempt}`,
        current: `wrong current ${attempt}`,
        password: 'a new password 123',
        password2: 'a new password 123',
      });
      statuses.push(answer.status);
    }
    expect(statuses).to.deep.equal([400, 400, 400, 400, 400, 429]);
    expect(await apiLogin('pw-li-long-enough', 'li'), 'li is not locked out by chen').to.equal(200);
  });
});
