import { expect } from 'chai';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { demoApp, formBody, type DemoApp } from '../demo-app.js';
import { formFor, formsOf, Visitor, type PageForm } from './visitor.js';

describe('page access: login, logout and CSRF (demo city)', function () {
  this.timeout(120_000);
  let app: DemoApp;
  let base: string;
  let reader: SeededUser;

  before(async () => {
    app = await demoApp();
    base = `/evaluations/${app.demo.id}`;
    reader = await seedUser(app.store, 'researcher', { login: 'reader' });
  });
  after(async () => {
    await app.close();
  });

  const anonymous = () => new Visitor(app.url);
  const asAdmin = () => new Visitor(app.url, app.admin.cookie);

  describe('default deny', () => {
    it('sends an anonymous visitor of every page to the login page, remembering where they were going', async () => {
      const pages = [
        '/',
        '/evaluations',
        base,
        `${base}?level=district&sort=name`,
        `${base}?format=csv&table=ranking`,
        `${base}/units/WY01`,
        `${base}/compare?units=WY01,WY02`,
        `${base}/methodology`,
        '/indicators',
        '/import',
        '/import/jobs/job_1',
        '/import/batches/bat_1',
        '/account',
        '/admin/users',
        '/admin/users/usr_1',
        '/admin/audit',
      ];
      const answers = await Promise.all(pages.map((page) => anonymous().get(page)));
      expect(answers.map((a) => [a.status, a.location])).to.deep.equal(
        pages.map((page) => [303, `/login?next=${encodeURIComponent(page)}`]),
      );
    });

    it('serves the login page, the static files and /healthz without a login', async () => {
      const visitor = anonymous();
      const answers = await Promise.all(
        ['/login', '/static/css/reports.css', '/static/vendor/chart.umd.js', '/healthz'].map((p) =>
          visitor.get(p),
        ),
      );
      expect(answers.map((a) => a.status)).to.deep.equal([200, 200, 200, 200]);
    });

    it('shows no navigation to a visitor who is not logged in', async () => {
      const { html } = await anonymous().get('/login');
      expect(html).not.to.include('href="/evaluations"').and.not.to.include('href="/import"');
    });
  });

  describe('logging in', () => {
    it('logs in through the form and lands on the page it came from', async () => {
      const visitor = anonymous();
      const next = `${base}/methodology?lang=en`;
      const login = await visitor.get(`/login?next=${encodeURIComponent(next)}`);
      const posted = await visitor.submit(formFor(login.html, '/login'), {
        login: reader.user.login,
        password: reader.password,
      });
      expect([posted.status, posted.location]).to.deep.equal([303, next]);
      const page = await visitor.get(next);
      expect(page.status).to.equal(200);
      expect(page.html).to.include('Methodology appendix').and.include(reader.user.displayName);
    });

    it('issues a session of its own at each login, HttpOnly and SameSite=Lax', async () => {
      const visitor = anonymous();
      const login = await visitor.get('/login');
      const posted = await visitor.submit(formFor(login.html, '/login'), {
        login: reader.user.login,
        password: reader.password,
      });
      const cookie = posted.headers.getSetCookie().find((c) => c.startsWith('zhili_session='));
      const account = await visitor.get('/account');
      expect(cookie)
        .to.match(/; HttpOnly/i)
        .and.match(/; SameSite=Lax/i);
      expect(visitor.cookie('zhili_session')).not.to.equal(reader.cookie.split('=')[1]);
      expect(account.html).to.include('<code>reader</code>');
    });

    it('answers a wrong password and an unknown login alike: the form again, one message, 401', async () => {
      const attempt = async (login: string, password: string) => {
        const visitor = anonymous();
        const page = await visitor.get('/login');
        const answer = await visitor.submit(formFor(page.html, '/login'), { login, password });
        const message = /<p class="outcome failed" role="alert">([^<]*)<\/p>/.exec(answer.html)?.[1];
        return { status: answer.status, message, session: visitor.cookie('zhili_session') };
      };
      const wrongPassword = await attempt(reader.user.login, 'not-the-password-at-all');
      const unknownLogin = await attempt('nobody-here', 'not-the-password-at-all');
      expect(wrongPassword).to.deep.equal({
        status: 401,
        message: '登录名或密码错误，或账户已停用。',
        session: undefined,
      });
      expect(unknownLogin).to.deep.equal(wrongPassword);
    });

    it('never sends a user to another site after login', async () => {
      const visitor = new Visitor(app.url, reader.cookie);
      const targets = [
        '//evil.example/path',
        'https://evil.example/',
        '/\\evil.example',
        '\\\\evil.example',
        'javascript:alert(1)',
        '/\t/evil.example',
        'evil.example',
      ];
      const locations = [];
      for (const next of targets)
        locations.push((await visitor.get(`/login?next=${encodeURIComponent(next)}`)).location);
      expect(locations).to.deep.equal(targets.map(() => '/'));
    });

    it('refuses an absolute next in the login form as well', async () => {
      const visitor = anonymous();
      const page = await visitor.get('/login?next=%2F%2Fevil.example%2F');
      const form = formFor(page.html, '/login');
      const posted = await visitor.submit(form, {
        login: reader.user.login,
        password: reader.password,
        next: 'https://evil.example/steal',
      });
      expect([form.fields.next, posted.status, posted.location]).to.deep.equal(['/', 303, '/']);
    });

    it('locks an account’s login after five failures with a clear page, 429 and Retry-After', async () => {
      const victim = await seedUser(app.store, 'viewer', { login: 'locked-out' });
      const visitor = anonymous();
      const page = await visitor.get('/login');
      const form = formFor(page.html, '/login');
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (await visitor.submit(form, { login: victim.user.login, password: `wrong ${i}` })).status,
        );
      const locked = await visitor.submit(form, { login: victim.user.login, password: victim.password });
      expect(statuses).to.deep.equal([401, 401, 401, 401, 401]);
      expect(locked.status).to.equal(429);
      expect(Number(locked.headers.get('retry-after'))).to.be.within(1, 15 * 60);
      expect(locked.html).to.match(/登录尝试过于频繁，已暂时锁定。请 \d+ 分钟后再试。/);
      expect(visitor.cookie('zhili_session')).to.equal(undefined);
    });
  });

  describe('logging out', () => {
    it('ends the session with the header’s logout button and records it in the audit log', async () => {
      const user = await seedUser(app.store, 'viewer', { login: 'leaving' });
      const visitor = new Visitor(app.url, user.cookie);
      const home = await visitor.get('/');
      const logout = formFor(home.html, '/logout');
      const answer = await visitor.submit(logout);
      const after = await new Visitor(app.url, user.cookie).get('/evaluations');
      const events = await app.store.audit.list({ action: 'logout', target: user.user.id });
      expect([answer.status, answer.location]).to.deep.equal([303, '/login']);
      expect(visitor.cookie('zhili_session')).to.equal(undefined);
      expect([after.status, after.location]).to.deep.equal([303, '/login?next=%2Fevaluations']);
      expect(events.map((e) => e.actor)).to.deep.equal(['leaving']);
    });
  });

  describe('CSRF', () => {
    /** Every POST form on every kind of page an admin can open. */
    async function everyPostForm(): Promise<PageForm[]> {
      const admin = asAdmin();
      const pages = [
        '/',
        '/evaluations',
        base,
        `${base}/units/WY01S01C00`,
        `${base}/compare?units=WY01,WY02`,
        `${base}/methodology`,
        '/indicators',
        '/import',
        '/account',
        '/admin/users',
        `/admin/users/${reader.user.id}`,
        '/admin/audit',
      ];
      const forms: PageForm[] = [];
      for (const page of pages) {
        const answer = await admin.get(page);
        expect(answer.status, page).to.equal(200);
        forms.push(...formsOf(answer.html).filter((f) => f.method === 'post'));
      }
      return forms;
    }

    it('puts the session’s CSRF token into every POST form of every page', async () => {
      const forms = await everyPostForm();
      const actions = new Set(forms.map((f) => f.action));
      expect([...actions]).to.include.members([
        '/logout',
        '/import',
        '/account/profile',
        '/account/password',
        '/account/tokens',
        '/admin/users',
        `/admin/users/${reader.user.id}`,
        `/admin/users/${reader.user.id}/disable`,
        `/admin/users/${reader.user.id}/password`,
      ]);
      expect(forms.filter((f) => f.fields._csrf !== app.admin.csrf).map((f) => f.action)).to.deep.equal([]);
    });

    it('puts a CSRF token into the login form of a visitor who is not logged in', async () => {
      const visitor = anonymous();
      const { html } = await visitor.get('/login');
      const forms = formsOf(html).filter((f) => f.method === 'post');
      expect(forms.map((f) => f.action)).to.deep.equal(['/login']);
      expect(forms[0]?.fields._csrf).to.have.length.greaterThan(30).and.equal(visitor.cookie('zhili_csrf'));
    });

    it('refuses every one of those forms without its token, or with another session’s token (403)', async () => {
      const forms = await everyPostForm();
      const admin = asAdmin();
      const refused: number[] = [];
      for (const form of forms) {
        const rest = Object.fromEntries(Object.entries(form.fields).filter(([name]) => name !== '_csrf'));
        refused.push((await admin.post(form.action, rest)).status);
        refused.push((await admin.post(form.action, { ...rest, _csrf: reader.csrf })).status);
      }
      expect(
        refused.every((status) => status === 403),
        String(refused),
      ).to.equal(true);
      // The logout form was among them: the admin is still logged in.
      expect((await admin.get('/account')).status).to.equal(200);
    });

    it('refuses the login form without the visitor’s token', async () => {
      const visitor = anonymous();
      await visitor.get('/login');
      const answer = await visitor.post('/login', { login: reader.user.login, password: reader.password });
      expect(answer.status).to.equal(403);
      expect(visitor.cookie('zhili_session')).to.equal(undefined);
    });

    it('refuses an import upload without the token and imports nothing', async () => {
      const before = (await app.store.imports.list({ limit: 1000 })).length;
      const csv = 'code,name_zh,name_en,level,parent\nWY01S01Z1,新社区,New,community,WY01S01\n';
      const { body, contentType } = formBody({ kind: 'units' }, { name: 'u.csv', text: csv });
      const response = await fetch(`${app.url}/import`, {
        method: 'POST',
        headers: { cookie: app.admin.cookie, 'content-type': contentType },
        body,
        redirect: 'manual',
      });
      expect(response.status).to.equal(403);
      expect((await app.store.imports.list({ limit: 1000 })).length).to.equal(before);
    });

    it('refuses a form posted from another site even with the right token', async () => {
      const answer = await asAdmin().post(
        '/account/tokens',
        { _csrf: app.admin.csrf, label: 'cross-site', days: '5' },
        { origin: 'http://evil.example' },
      );
      expect(answer.status).to.equal(403);
    });

    it('refuses a multipart body on any form but the import upload (415)', async () => {
      const { body, contentType } = formBody(
        { _csrf: app.admin.csrf, label: 'multi' },
        { name: 'x.csv', text: 'x' },
      );
      const response = await fetch(`${app.url}/account/tokens`, {
        method: 'POST',
        headers: { cookie: app.admin.cookie, 'content-type': contentType },
        body,
        redirect: 'manual',
      });
      expect(response.status).to.equal(415);
    });
  });
});
