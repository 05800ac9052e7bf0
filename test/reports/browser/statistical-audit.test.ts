import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { runEvaluation } from '../../../server/evaluation/run-evaluation.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { demoApp, type DemoApp } from '../demo-app.js';
import { launchOrSkip } from './chromium.js';
import { probe } from './page-probe.js';

describe('statistical audit page in chromium (demo city)', function () {
  this.timeout(240_000);
  let browser: Browser | undefined;
  let app: DemoApp | undefined;
  let researcher: SeededUser | undefined;
  let viewer: SeededUser | undefined;
  /** A draft of the demo data with a Saltelli design, so that it has sensitivity indices. */
  let withSobol = '';

  before(async function () {
    browser = await launchOrSkip(this);
    app = await demoApp();
    researcher = await seedUser(app.store, 'researcher', { login: 'audit.researcher' });
    viewer = await seedUser(app.store, 'viewer', { login: 'audit.viewer' });
    const evaluation = await runEvaluation(app.store, app.deps.registry, {
      frameworkId: 'default',
      periods: ['2025'],
      actor: 'test',
      uncertainty: {
        replications: 16,
        seed: 7,
        sensitivity: true,
        weights: { method: 'uniform', range: 0.25 },
      },
      workers: 0,
    });
    withSobol = evaluation.id;
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows a researcher the heat map, its tables and the Sobol indices of a draft with a Saltelli design, without CSP or console errors', async () => {
    if (browser === undefined || app === undefined || researcher === undefined) throw new Error('not set up');
    const p = await probe(browser, { login: { url: app.url, cookie: researcher.cookie } });
    await p.page.goto(`${app.url}/evaluations/${withSobol}/audit?lang=en`, { waitUntil: 'load' });
    const seen = await p.page.evaluate<{
      h1: string;
      indicators: number;
      heatRows: number;
      heatCells: number;
      shaded: number;
      correlations: number;
      cronbach: number;
      sensitivity: number;
      exports: number;
    }>(`(() => {
      const rows = (sel) => document.querySelectorAll(sel + ' tbody tr').length;
      const heat = document.querySelectorAll('#heatmap tbody td');
      return {
        h1: document.querySelector('h1').textContent,
        indicators: rows('#stats'),
        heatRows: rows('#heatmap'),
        heatCells: heat.length,
        shaded: [...heat].filter((td) => /\\bheat-[0-9]\\b/.test(td.className)).length,
        correlations: rows('#correlations'),
        cronbach: rows('#cronbach'),
        sensitivity: rows('#sensitivity'),
        exports: document.querySelectorAll('a[href*="format=xlsx"]').length,
      };
    })()`);
    const csp = await p.cspViolations();
    await p.close();
    expect(seen.h1).to.match(/^Statistical audit · /);
    expect(seen.indicators).to.be.greaterThan(2);
    expect(seen.heatRows).to.equal(seen.indicators);
    expect(seen.heatCells).to.equal(seen.indicators * seen.indicators);
    expect(seen.shaded).to.equal(seen.heatCells);
    expect(seen.correlations).to.equal((seen.indicators * (seen.indicators - 1)) / 2);
    expect(seen.cronbach).to.be.greaterThan(0);
    expect(seen.sensitivity).to.be.greaterThan(0);
    expect(seen.exports).to.equal(9);
    expect([...p.problems, ...csp]).to.deep.equal([]);
  });

  it('renders the demo evaluation and says it has no sensitivity indices (its Monte Carlo has no Saltelli design)', async () => {
    if (browser === undefined || app === undefined || researcher === undefined) throw new Error('not set up');
    const p = await probe(browser, { login: { url: app.url, cookie: researcher.cookie } });
    await p.page.goto(`${app.url}/evaluations/${app.demo.id}/audit?lang=en`, { waitUntil: 'load' });
    const seen = await p.page.evaluate<[number, string]>(
      `[document.querySelectorAll('#heatmap tbody tr').length, document.querySelector('#sensitivity p').textContent]`,
    );
    await p.close();
    expect(seen[0]).to.be.greaterThan(2);
    expect(seen[1]).to.equal(
      'This evaluation has no sensitivity indices: it ran no Monte Carlo, or not with a Saltelli design (sensitivity: true).',
    );
    expect(p.problems).to.deep.equal([]);
  });

  it('flags more pairs after the reader lowers the double-counting threshold in the form', async () => {
    if (browser === undefined || app === undefined || researcher === undefined) throw new Error('not set up');
    const p = await probe(browser, { login: { url: app.url, cookie: researcher.cookie } });
    await p.page.goto(`${app.url}/evaluations/${app.demo.id}/audit?lang=en`, { waitUntil: 'load' });
    const flagRows = `document.querySelectorAll('#flags tbody tr').length`;
    const before = await p.page.evaluate<number>(flagRows);
    await p.page.fill('#flags input[name="high"]', '0.05');
    await Promise.all([p.page.waitForURL(/high=0\.05/), p.page.click('#flags button[type="submit"]')]);
    const after = await p.page.evaluate<number>(flagRows);
    const exported = await p.page.evaluate<string>(
      `document.querySelector('#flags a[href*="format=csv"]').getAttribute('href')`,
    );
    await p.close();
    expect(after).to.be.greaterThan(before);
    expect(exported).to.contain('high=0.05');
    expect(p.problems).to.deep.equal([]);
  });

  it('refuses a threshold outside its range with a 400 naming it in the page’s language', async () => {
    if (app === undefined || researcher === undefined) throw new Error('not set up');
    const [zh, en] = await Promise.all(
      ['', '&lang=en'].map((lang) =>
        fetch(`${app?.url ?? ''}/evaluations/${app?.demo.id ?? ''}/audit?low=0.5${lang}`, {
          headers: { cookie: researcher?.cookie ?? '' },
        }),
      ),
    );
    expect([zh?.status, en?.status]).to.deep.equal([400, 400]);
    expect(await zh?.text()).to.contain('low 必须是 -1 到 0 之间的数');
    expect(await en?.text()).to.contain('low must be a number from -1 to 0');
  });

  it('answers a viewer 403 and shows them no audit', async () => {
    if (browser === undefined || app === undefined || viewer === undefined) throw new Error('not set up');
    const p = await probe(browser, { login: { url: app.url, cookie: viewer.cookie } });
    const response = await p.page.goto(`${app.url}/evaluations/${app.demo.id}/audit?lang=en`, {
      waitUntil: 'load',
    });
    const heatmap = await p.page.evaluate<number>(`document.querySelectorAll('#heatmap').length`);
    await p.close();
    expect(response?.status()).to.equal(403);
    expect(heatmap).to.equal(0);
  });

  it('exports the correlation table as JSON with the documented column ids', async () => {
    if (app === undefined || researcher === undefined) throw new Error('not set up');
    const response = await fetch(
      `${app.url}/evaluations/${app.demo.id}/audit?format=json&table=correlations`,
      { headers: { cookie: researcher.cookie } },
    );
    expect(response.status).to.equal(200);
    const body = await response.json();
    expect(JSON.stringify(body)).to.contain('"pearson"').and.contain('"spearman"');
  });
});
