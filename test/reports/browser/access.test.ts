import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { runEvaluation } from '../../../server/evaluation/run-evaluation.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { demoApp, type DemoApp } from '../demo-app.js';
import { launchOrSkip } from './chromium.js';
import { probe, type Probe } from './page-probe.js';

const SCRIPT_NAME = '<script>alert(1)</script>';

describe('login, logout and admin pages in chromium (demo city)', function () {
  this.timeout(180_000);
  let browser: Browser | undefined;
  let app: DemoApp | undefined;
  let reader: SeededUser | undefined;

  before(async function () {
    browser = await launchOrSkip(this);
    app = await demoApp();
    reader = await seedUser(app.store, 'viewer', { login: 'browser.reader' });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  const setUp = (): { browser: Browser; app: DemoApp; reader: SeededUser } => {
    if (browser === undefined || app === undefined || reader === undefined)
      throw new Error('suite not set up');
    return { browser, app, reader };
  };

  const open = async (path: string, cookie?: string): Promise<Probe> => {
    const s = setUp();
    const p = await probe(s.browser, cookie === undefined ? {} : { login: { url: s.app.url, cookie } });
    await p.page.goto(`${s.app.url}${path}`, { waitUntil: 'load' });
    return p;
  };

  it('logs in through the form and lands on the page it was going to', async () => {
    const s = setUp();
    const next = `/evaluations/${s.app.demo.id}/units/WY03?lang=en`;
    const p = await open(next);
    const loginUrl = p.page.url();
    await p.page.fill('input[name="login"]', s.reader.user.login);
    await p.page.fill('input[name="password"]', s.reader.password);
    await Promise.all([
      p.page.waitForURL(`${s.app.url}${next}`),
      p.page.click('form[action="/login"] button'),
    ]);
    const shown = await p.page.evaluate<[string, string]>(
      `[document.querySelector('h1').textContent, document.querySelector('header.site .account').textContent]`,
    );
    const csp = await p.cspViolations();
    await p.close();
    expect(loginUrl).to.equal(`${s.app.url}/login?next=${encodeURIComponent(next)}`);
    expect(shown[0]).to.equal('Report: Guanggu District');
    expect(shown[1]).to.include(s.reader.user.displayName).and.include('Viewer');
    expect([...p.problems, ...csp]).to.deep.equal([]);
  });

  it('shows the one message for a wrong password and stays on the login page', async () => {
    const s = setUp();
    const p = await open('/login');
    await p.page.fill('input[name="login"]', s.reader.user.login);
    await p.page.fill('input[name="password"]', 'certainly not the password');
    await Promise.all([p.page.waitForLoadState('load'), p.page.click('form[action="/login"] button')]);
    await p.page.waitForSelector('p.outcome.failed');
    const message = await p.page.evaluate<string>(`document.querySelector('p.outcome.failed').textContent`);
    const url = p.page.url();
    await p.close();
    expect(message).to.equal('登录名或密码错误，或账户已停用。');
    expect(url).to.equal(`${s.app.url}/login`);
  });

  it('logs out with the header’s button; the pages then ask for a login again', async () => {
    const s = setUp();
    const user = await seedUser(s.app.store, 'viewer', { login: 'browser.leaver' });
    const p = await open('/evaluations', user.cookie);
    await Promise.all([p.page.waitForURL(`${s.app.url}/login`), p.page.click('form.logout button')]);
    await p.page.goto(`${s.app.url}/evaluations`);
    const after = p.page.url();
    await p.close();
    expect(after).to.equal(`${s.app.url}/login?next=%2Fevaluations`);
    expect(p.problems).to.deep.equal([]);
  });

  it('adds a user through the admin form and shows the new user’s page', async () => {
    const s = setUp();
    const p = await open('/admin/users', s.app.admin.cookie);
    await p.page.fill('input[name="login"]', 'browser.added');
    await p.page.fill('input[name="displayName"]', '浏览器用户');
    await p.page.selectOption('select[name="role"]', 'viewer');
    await p.page.fill('input[name="scope"]', 'WY02');
    await p.page.fill('input[name="password"]', 'added in the browser');
    await Promise.all([
      p.page.waitForURL(/\/admin\/users\/[^/?]+\?done=created$/),
      p.page.click('form[action="/admin/users"] button'),
    ]);
    const shown = await p.page.evaluate<[string, string]>(
      `[document.querySelector('h1').textContent, document.querySelector('p.outcome').textContent]`,
    );
    await p.close();
    const stored = await s.app.store.users.findByLogin('browser.added');
    expect(shown).to.deep.equal(['用户 browser.added', '用户已创建。']);
    expect([stored?.role, stored?.unitScope]).to.deep.equal(['viewer', ['WY02']]);
    expect(p.problems).to.deep.equal([]);
  });

  it('imports a unit named with markup through the browser’s upload form and shows the name as text, opening no dialog', async () => {
    const s = setUp();
    const csv = `code,name_zh,name_en,level,parent,urban_rural,resident_population,peer_group\nWY05S01X3,${SCRIPT_NAME},${SCRIPT_NAME},community,WY05S01,urban,2500,urban_small\n`;
    const form = await open('/import', s.app.admin.cookie);
    await form.page.selectOption('select[name="kind"]', 'units');
    await form.page.setInputFiles('input[name="file"]', {
      name: 'units.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await Promise.all([
      form.page.waitForURL(/\/import\/batches\/[^/?]+\?outcome=committed$/),
      form.page.click('form[action="/import"] button'),
    ]);
    const outcome = await form.page.evaluate<string>(`document.querySelector('main').textContent`);
    await form.close();
    expect(outcome).to.include('导入成功');
    const evaluation = await runEvaluation(s.app.store, s.app.deps.registry, {
      frameworkId: 'default',
      periods: ['2025'],
      actor: 'test',
    });
    const ranking = await open(`/evaluations/${evaluation.id}?q=WY05S01X3`, s.app.admin.cookie);
    const listed = await ranking.page.evaluate<string[]>(
      `[...document.querySelectorAll('#ranking-table tbody th a')].map((a) => a.textContent)`,
    );
    const unit = await open(`/evaluations/${evaluation.id}/units/WY05S01X3`, s.app.admin.cookie);
    const crumb = await unit.page.evaluate<string>(
      `document.querySelector('.crumbs span:last-child').textContent`,
    );
    const scripts = await unit.page.evaluate<number>(
      `document.querySelectorAll('main script:not([type])').length`,
    );
    await ranking.close();
    await unit.close();
    expect(listed).to.deep.equal([SCRIPT_NAME]);
    expect(crumb).to.equal(SCRIPT_NAME);
    expect(scripts).to.equal(0);
    expect([...ranking.problems, ...unit.problems]).to.deep.equal([]);
  });
});
