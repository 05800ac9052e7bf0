import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { runEvaluation } from '../../../server/evaluation/run-evaluation.js';
import { demoApp, importThroughPage, type DemoApp } from '../demo-app.js';
import { launchOrSkip } from './chromium.js';
import { chartsDrawn, paintedPixels, probe } from './page-probe.js';

const SCRIPT_NAME = '<script>alert(1)</script>';

describe('report pages in chromium (demo city)', function () {
  this.timeout(180_000);
  let browser: Browser | undefined;
  let app: DemoApp | undefined;
  let base = '';
  let compare = '';

  before(async function () {
    browser = await launchOrSkip(this);
    app = await demoApp();
    base = `${app.url}/evaluations/${app.demo.id}`;
    const variant = await runEvaluation(app.store, app.deps.registry, {
      frameworkId: 'default',
      periods: app.demo.periods,
      actor: 'test',
      methods: { weighting: { method: 'equal' } },
    });
    compare = `/evaluations/compare?ids=${app.demo.id},${variant.id}`;
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  const open = async (path: string, options: { width?: number } = {}) => {
    if (browser === undefined || app === undefined) throw new Error('suite not set up');
    const p = await probe(browser, { ...options, login: { url: app.url, cookie: app.admin.cookie } });
    await p.page.goto(path.startsWith('http') ? path : `${app.url}${path}`, { waitUntil: 'load' });
    return p;
  };

  it('loads every page without console errors or CSP violations', async () => {
    const pages = [
      '/evaluations',
      base,
      `${base}?lang=en&level=street&sort=autonomy`,
      `${base}/units/WY`,
      `${base}/units/WY03`,
      `${base}/units/WY03S01`,
      `${base}/units/WY01S01C00`,
      `${base}/compare?units=WY01,WY03,WY05`,
      `${base}/methodology`,
      `${base}/satisfaction`,
      `${base}/satisfaction?lang=en&level=street`,
      compare,
      `${compare}&lang=en&sort=shift-B&page=2`,
      '/indicators',
      '/indicators?framework=asem&lang=en',
      '/import',
      '/import/review',
      '/',
      '/account',
      '/admin/users',
      '/admin/audit',
    ];
    for (const path of pages) {
      const p = await open(path);
      const csp = await p.cspViolations();
      await p.close();
      expect([...p.problems, ...csp], path).to.deep.equal([]);
    }
  });

  it('draws the distribution chart on the evaluation page', async () => {
    const p = await open(base);
    await chartsDrawn(p.page, 1);
    const painted = await paintedPixels(p.page, 'chart-distribution');
    await p.close();
    expect(painted).to.be.greaterThan(1000);
  });

  it('draws the radar chart on a unit report', async () => {
    const p = await open(`${base}/units/WY03`);
    await chartsDrawn(p.page, 1);
    const painted = await paintedPixels(p.page, 'chart-radar');
    await p.close();
    expect(painted).to.be.greaterThan(1000);
  });

  it('draws a trend line chart per score on the comparison page', async () => {
    const p = await open(`${base}/compare?units=WY01,WY02`);
    await chartsDrawn(p.page, 6);
    const painted = await Promise.all([0, 5].map((n) => paintedPixels(p.page, `chart-trend-${n}`)));
    await p.close();
    expect(
      painted.every((n) => n > 1000),
      String(painted),
    ).to.equal(true);
  });

  it('draws the scatter of ranks on the evaluations comparison page', async () => {
    const p = await open(compare);
    await chartsDrawn(p.page, 1);
    const painted = await paintedPixels(p.page, 'chart-ranks-B');
    await p.close();
    expect(painted).to.be.greaterThan(1000);
  });

  it('draws the scatter of score and residents’ satisfaction with its intervals', async () => {
    const p = await open(`${base}/satisfaction`);
    await chartsDrawn(p.page, 1);
    const painted = await paintedPixels(p.page, 'chart-satisfaction');
    await p.close();
    expect(painted).to.be.greaterThan(1000);
  });

  it('compares the evaluations ticked on the evaluations list', async () => {
    const p = await open('/evaluations');
    const boxes = p.page.locator('#compare-picker input[name="ids"]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await Promise.all([
      p.page.waitForURL(/\/evaluations\/compare\?ids=/),
      p.page.click('#compare-picker button'),
    ]);
    const kendall = await p.page.evaluate<string>(
      'document.querySelector("[data-figure=kendall]").textContent',
    );
    await p.close();
    expect(kendall).to.match(/^0\.\d{3}$/);
  });

  it('switches to English and back, remembering the choice across pages', async () => {
    const p = await open(base);
    await p.page.click('a.lang-switch');
    await p.page.waitForLoadState('load');
    const english = await p.page.evaluate<[string, string]>(
      `[document.documentElement.lang, document.querySelector('#districts-title').textContent]`,
    );
    await p.page.goto(`${base}/methodology`);
    const next = await p.page.evaluate<string>('document.querySelector("h1").textContent');
    await p.page.click('a.lang-switch');
    await p.page.waitForLoadState('load');
    const chinese = await p.page.evaluate<string>('document.documentElement.lang');
    await p.close();
    expect(english).to.deep.equal(['en-GB', 'Districts’ league table · 2025']);
    expect(next).to.match(/^Methodology appendix/);
    expect(chinese).to.equal('zh-CN');
  });

  it('filters the ranking when a district is chosen, without a button press', async () => {
    const p = await open(base);
    await Promise.all([
      p.page.waitForURL(/district=WY03/),
      p.page.selectOption('select[name="district"]', 'WY03'),
    ]);
    const districts = await p.page.evaluate<string[]>(
      `[...document.querySelectorAll('#ranking-table tbody tr td:nth-child(4)')].map((td) => td.textContent)`,
    );
    await p.close();
    expect(new Set(districts)).to.deep.equal(new Set(['光谷区']));
  });

  it('sorts the sub-units in place when a heading is clicked', async () => {
    const p = await open(`${base}/units/WY03`);
    const before = p.page.url();
    await p.page.click('#subunit-table thead th:nth-child(2) a');
    const values = await p.page.evaluate<number[]>(
      `[...document.querySelectorAll('#subunit-table tbody tr td:nth-child(2)')].map((td) => Number(td.dataset.value))`,
    );
    const after = p.page.url();
    await p.close();
    const ascending = [...values].sort((a, b) => a - b);
    expect(after).to.equal(before);
    expect(values).to.deep.equal(ascending);
  });

  it('stays within a narrow screen, tables scrolling inside their frame', async () => {
    const p = await open(`${base}/units/WY01S01C00`, { width: 375 });
    const width = await p.page.evaluate<number>('document.documentElement.scrollWidth');
    await p.close();
    expect(width).to.be.at.most(375);
  });

  it('prints a unit report to an A4 PDF with the unit’s name', async () => {
    const p = await open(`${base}/units/WY03`);
    await chartsDrawn(p.page, 1);
    await p.page.emulateMedia({ media: 'print' });
    const shown = await p.page.evaluate<[string, string]>(
      `[document.body.innerText, getComputedStyle(document.querySelector('header.site nav')).display]`,
    );
    const pdf = await p.page.pdf({ format: 'A4', printBackground: true });
    await p.close();
    expect(pdf.subarray(0, 5).toString('latin1')).to.equal('%PDF-');
    expect(pdf.length).to.be.greaterThan(20_000);
    expect(shown[0]).to.include('光谷区评估报告');
    expect(shown[1]).to.equal('none');
  });

  it('shows a unit named with markup as text and runs nothing', async () => {
    if (app === undefined) throw new Error('suite not set up');
    const csv = `code,name_zh,name_en,level,parent,urban_rural,resident_population,peer_group\nWY02S01X9,${SCRIPT_NAME},${SCRIPT_NAME},community,WY02S01,urban,4000,urban_small\n`;
    await importThroughPage(app.url, app.admin, { kind: 'units' }, { name: 'units.csv', text: csv });
    const evaluation = await runEvaluation(app.store, app.deps.registry, {
      frameworkId: 'default',
      periods: ['2025'],
      actor: 'test',
    });
    const p = await open(`/evaluations/${evaluation.id}/units/WY02S01X9`);
    const heading = await p.page.evaluate<string>('document.querySelector("h1").textContent');
    const street = await open(`/evaluations/${evaluation.id}/units/WY02S01?sort=name`);
    const listed = await street.page.evaluate<string>('document.querySelector("#subunit-table").textContent');
    await p.close();
    await street.close();
    expect(heading).to.include(SCRIPT_NAME);
    expect(listed).to.include(SCRIPT_NAME);
    expect([...p.problems, ...street.problems]).to.deep.equal([]);
  });
});
