import { expect } from 'chai';
import { runEvaluation } from '../../../server/evaluation/run-evaluation.js';
import { buildApp } from '../../../server/app.js';
import { seedUser } from '../../support/auth.js';
import { appDeps } from '../../support/app-deps.js';
import { serve } from '../../support/http.js';
import { tempEmbeddedStore } from '../../support/temp-store.js';
import { demoApp, importThroughPage, type DemoApp } from '../demo-app.js';
import { formFor, formsOf, Visitor } from './visitor.js';

const SCRIPT_NAME = '<script>alert(1)</script>';
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';

/** The rows of the audit table: [actor, action code, target] per event. */
function auditRows(html: string): string[][] {
  const table = /<table id="audit-table"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  return [
    ...table.matchAll(
      /<tr>\s*<td[^>]*>[^<]*<\/td>\s*<td>([^<]*)<\/td>\s*<td>[^<]*<code class="action-code"[^>]*>([^<]*)<\/code><\/td>\s*<td><code>([^<]*)<\/code><\/td>/g,
    ),
  ].map((m) => [m[1] ?? '', m[2] ?? '', m[3] ?? '']);
}

describe('account and admin pages (demo city)', function () {
  this.timeout(180_000);
  let app: DemoApp;

  before(async () => {
    app = await demoApp();
  });
  after(async () => {
    await app.close();
  });

  const asAdmin = () => new Visitor(app.url, app.admin.cookie);

  describe('users', () => {
    it('adds a user, changes the role and disables the account through the pages, each change in the audit log', async () => {
      const admin = asAdmin();
      const list = await admin.get('/admin/users');
      const created = await admin.submit(formFor(list.html, '/admin/users'), {
        login: 'wang.fang',
        displayName: '王芳',
        role: 'viewer',
        scope: 'WY01S01',
        password: 'a long enough password',
      });
      expect(created.status).to.equal(303);
      const userPath = (created.location ?? '').replace(/\?.*$/, '');
      const page = await admin.get(created.location ?? '');
      expect(page.html).to.include('用户已创建。').and.include('value="WY01S01"');

      // Unit scopes are for viewers only: the new role comes with the scope cleared.
      const promoted = await admin.submit(formFor(page.html, userPath), { role: 'evaluator', scope: '' });
      const afterRole = await admin.get(promoted.location ?? '');
      const disabled = await admin.submit(formFor(afterRole.html, `${userPath}/disable`));
      const user = await app.store.users.findByLogin('wang.fang');

      const audit = await admin.get(`/admin/audit?target=${encodeURIComponent(user?.id ?? '')}`);
      expect([promoted.status, disabled.status]).to.deep.equal([303, 303]);
      expect([user?.role, user?.disabled, user?.unitScope]).to.deep.equal(['evaluator', true, null]);
      expect(auditRows(audit.html)).to.deep.equal([
        ['demo-admin', 'user.disable', user?.id],
        ['demo-admin', 'user.update', user?.id],
        ['demo-admin', 'user.create', user?.id],
      ]);
      // The page names the action and the detail's keys in Chinese; nested values stay compact JSON.
      expect(audit.html).to.include('修改用户 <code class="action-code" translate="no">user.update</code>');
      expect(audit.html).to.include(
        '角色：<span translate="no">{&quot;from&quot;:&quot;viewer&quot;,&quot;to&quot;:&quot;evaluator&quot;}</span>',
      );
    });

    it('lists every user with role, visible units and status', async () => {
      const listed = await seedUser(app.store, 'viewer', { login: 'scoped.li', unitScope: ['WY02', 'WY03'] });
      const { html } = await asAdmin().get('/admin/users');
      const row = /<code>scoped\.li<\/code><\/a><\/th>([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '';
      const cells = [...row.matchAll(/<td>(?:<span[^>]*>)?([^<]*)/g)].map((m) => m[1]);
      // The scope's units by name from the register, with their codes.
      expect(cells.slice(0, 4)).to.deep.equal([
        listed.user.displayName,
        '查看者',
        '江北区（WY02）、光谷区（WY03）',
        '正常',
      ]);
    });

    it('keeps what was typed and names the problem when a unit in the scope does not exist', async () => {
      const admin = asAdmin();
      const list = await admin.get('/admin/users');
      const answer = await admin.submit(formFor(list.html, '/admin/users'), {
        login: 'zhao',
        displayName: '赵',
        role: 'viewer',
        scope: 'WY01S01, NOPE9',
        password: 'a long enough password',
      });
      expect(answer.status).to.equal(400);
      expect(answer.html)
        .to.include('单位范围：单位名册中没有这些代码：NOPE9')
        .and.include('value="WY01S01, NOPE9"');
      expect(await app.store.users.findByLogin('zhao')).to.equal(undefined);
    });

    it('refuses a weak password for a new user on the form', async () => {
      const admin = asAdmin();
      const list = await admin.get('/admin/users');
      const answer = await admin.submit(formFor(list.html, '/admin/users'), {
        login: 'qian',
        displayName: '钱',
        role: 'viewer',
        password: 'short',
      });
      expect(answer.status).to.equal(400);
      expect(answer.html).to.include('密码：至少需要 10 个字符（现有 5 个）');
    });

    it('resets a user’s password: the old sessions end, the new password logs in', async () => {
      const target = await seedUser(app.store, 'viewer', { login: 'forgetful' });
      const admin = asAdmin();
      const page = await admin.get(`/admin/users/${target.user.id}`);
      const reset = await admin.submit(formFor(page.html, `/admin/users/${target.user.id}/password`), {
        password: 'brand new password 1',
        password2: 'brand new password 1',
      });
      const oldSession = await new Visitor(app.url, target.cookie).get('/account');
      const visitor = new Visitor(app.url);
      const login = await visitor.get('/login');
      const loggedIn = await visitor.submit(formFor(login.html, '/login'), {
        login: 'forgetful',
        password: 'brand new password 1',
      });
      expect([reset.status, oldSession.status, loggedIn.status]).to.deep.equal([303, 303, 303]);
    });

    it('logs a disabled user out at once', async () => {
      const target = await seedUser(app.store, 'viewer', { login: 'leaver' });
      const admin = asAdmin();
      const page = await admin.get(`/admin/users/${target.user.id}`);
      await admin.submit(formFor(page.html, `/admin/users/${target.user.id}/disable`));
      const after = await new Visitor(app.url, target.cookie).get('/evaluations');
      expect([after.status, after.location]).to.deep.equal([303, '/login?next=%2Fevaluations']);
    });
  });

  describe('the last admin', () => {
    it('refuses to demote or disable the only active admin and says why on the form', async () => {
      const temp = await tempEmbeddedStore();
      const served = await serve(buildApp(await appDeps(temp.store)));
      try {
        const only = await seedUser(temp.store, 'admin', { login: 'only.admin' });
        const admin = new Visitor(served.url, only.cookie);
        const page = await admin.get(`/admin/users/${only.user.id}`);
        const demoted = await admin.submit(formFor(page.html, `/admin/users/${only.user.id}`), {
          role: 'viewer',
        });
        const disabled = await admin.submit(formFor(page.html, `/admin/users/${only.user.id}/disable`));
        const still = await temp.store.users.get(only.user.id);
        expect([demoted.status, disabled.status]).to.deep.equal([409, 409]);
        expect(demoted.html).to.include('这是最后一位启用的管理员：请先指定另一位管理员。');
        expect(demoted.html).to.match(/<option value="viewer" selected>/);
        expect([still?.role, still?.disabled]).to.deep.equal(['admin', false]);
      } finally {
        await served.close();
        await temp.dispose();
      }
    });
  });

  describe('audit log', () => {
    it('filters by action and date and exports the same events as CSV', async () => {
      const admin = asAdmin();
      const today = new Date().toISOString().slice(0, 10);
      const page = await admin.get(`/admin/audit?action=user.create&from=${today}&to=${today}`);
      const rows = auditRows(page.html);
      const csv = await admin.get(
        `/admin/audit?action=user.create&from=${today}&to=${today}&format=csv&table=audit`,
      );
      const lines = csv.html
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(rows.length).to.be.greaterThan(0);
      expect(rows.every((r) => r[1] === 'user.create')).to.equal(true);
      expect(lines[0]).to.equal('时间（UTC）,操作者,操作,对象,详情');
      expect(lines.length - 1).to.equal(rows.length);
    });

    it('finds nothing before the first event', async () => {
      const { html } = await asAdmin().get('/admin/audit?to=2000-01-01');
      expect(html).to.include('没有符合条件的记录。');
    });

    it('refuses a date that does not exist (400)', async () => {
      const { status } = await asAdmin().get('/admin/audit?from=2025-02-30');
      expect(status).to.equal(400);
    });
  });

  describe('own account', () => {
    it('changes the own password only with the current one, staying logged in', async () => {
      const me = await seedUser(app.store, 'viewer', { login: 'changer' });
      const visitor = new Visitor(app.url, me.cookie);
      const page = await visitor.get('/account');
      const form = formFor(page.html, '/account/password');
      const wrong = await visitor.submit(form, {
        current: 'not my password',
        password: 'my next password 1',
        password2: 'my next password 1',
      });
      const changed = await visitor.submit(form, {
        current: me.password,
        password: 'my next password 1',
        password2: 'my next password 1',
      });
      const afterwards = await visitor.get(changed.location ?? '');
      const oldCookie = await new Visitor(app.url, me.cookie).get('/account');
      expect(wrong.status).to.equal(400);
      expect(wrong.html).to.include('当前密码不正确。');
      expect([changed.status, afterwards.status, oldCookie.status]).to.deep.equal([303, 200, 303]);
      expect(afterwards.html).to.include('密码已修改');
    });

    it('shows a new API token once; it works on the API until it is revoked', async () => {
      const me = await seedUser(app.store, 'researcher', { login: 'scripter' });
      const visitor = new Visitor(app.url, me.cookie);
      const page = await visitor.get('/account');
      const created = await visitor.submit(formFor(page.html, '/account/tokens'), {
        label: '每晚导入',
        days: '7',
      });
      const secret = /<code class="secret">(zl_[A-Za-z0-9_-]+)<\/code>/.exec(created.html)?.[1] ?? '';
      const api = () =>
        fetch(`${app.url}/api/v1/units?limit=1`, { headers: { authorization: `Bearer ${secret}` } });
      const before = (await api()).status;
      const again = await visitor.get('/account');
      const revoke = formsOf(again.html).find((f) => f.action.endsWith('/revoke'));
      const revoked = await visitor.submit(revoke ?? formFor(again.html, 'revoke'));
      const after = (await api()).status;
      const audit = await app.store.audit.list({ actor: 'scripter' });
      expect(created.status).to.equal(201);
      expect(created.headers.get('cache-control')).to.equal('no-store');
      expect(again.html).to.include('每晚导入').and.not.include(secret);
      expect([before, revoked.status, after]).to.deep.equal([200, 303, 401]);
      expect(audit.map((e) => e.action)).to.deep.equal(['token.revoke', 'token.create']);
      expect(JSON.stringify(audit)).not.to.include(secret);
    });

    it('answers 404 when revoking a token that is not the user’s own', async () => {
      const me = await seedUser(app.store, 'viewer');
      const other = await seedUser(app.store, 'viewer');
      const [token] = await app.store.sessions.list({ userId: other.user.id, kind: 'token' });
      const answer = await new Visitor(app.url, me.cookie).post(`/account/tokens/${token?.id ?? ''}/revoke`, {
        _csrf: me.csrf,
      });
      expect(answer.status).to.equal(404);
      expect(await app.store.sessions.list({ userId: other.user.id, kind: 'token' })).to.have.length(1);
    });
  });

  describe('a unit named with markup', () => {
    it('shows the name as text on the ranking and unit pages after an import through the form', async () => {
      const csv = `code,name_zh,name_en,level,parent,urban_rural,resident_population,peer_group\nWY04S01X7,${SCRIPT_NAME},${SCRIPT_NAME},community,WY04S01,urban,3000,urban_small\n`;
      const { html: report } = await importThroughPage(
        app.url,
        app.admin,
        { kind: 'units' },
        { name: 'u.csv', text: csv },
      );
      const evaluation = await runEvaluation(app.store, app.deps.registry, {
        frameworkId: 'default',
        periods: ['2025'],
        actor: 'test',
      });
      const admin = asAdmin();
      const ranking = await admin.get(`/evaluations/${evaluation.id}?q=WY04S01X7`);
      const unit = await admin.get(`/evaluations/${evaluation.id}/units/WY04S01X7`);
      const batch = (await app.store.imports.list({ kind: 'units', limit: 1 }))[0];
      expect(report).to.include('导入成功');
      expect(batch?.actor).to.equal('demo-admin');
      for (const html of [ranking.html, unit.html]) {
        expect(html).to.include(ESCAPED).and.not.include(SCRIPT_NAME);
      }
      expect(ranking.html).to.include(
        `<a href="/evaluations/${evaluation.id}/units/WY04S01X7">${ESCAPED}</a>`,
      );
    });
  });
});
