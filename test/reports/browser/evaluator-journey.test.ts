import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { demoApp, type DemoApp } from '../demo-app.js';
import { launchOrSkip } from './chromium.js';
import { probe, type Probe } from './page-probe.js';

/**
 * The evaluator's whole journey in Chromium, without a terminal: import a corrected data file,
 * start an evaluation from the import report, watch it finish, compare it with the demo
 * evaluation, publish it with a reason; then a viewer reads it, with rank intervals, and can reach
 * neither a draft nor the new-evaluation page.
 */
describe('the evaluator’s journey in chromium: import, evaluate, compare, publish', function () {
  this.timeout(300_000);
  let browser: Browser | undefined;
  let app: DemoApp;
  let evaluator: SeededUser;
  let viewer: SeededUser;
  let csv = '';

  before(async function () {
    browser = await launchOrSkip(this);
    app = await demoApp();
    evaluator = await seedUser(app.store, 'evaluator', { login: 'journey-evaluator' });
    viewer = await seedUser(app.store, 'viewer', { login: 'journey-viewer' });
    // A corrected 2025 file: the demo's own observations, one household count changed.
    const rows = await app.store.observations.current({ period: '2025' });
    const variables = Object.keys(rows[0]?.values ?? {});
    csv = [
      ['unit_code', ...variables].join(','),
      ...rows.map((row, i) =>
        [
          row.unit,
          ...variables.map((v) => {
            const value = row.values[v] ?? null;
            if (value === null) return '';
            return i === 0 && v === 'households' ? String(value + 1) : String(value);
          }),
        ].join(','),
      ),
    ].join('\n');
  });
  after(async () => {
    await browser?.close();
    await app.close();
  });

  const as = (user: SeededUser): Promise<Probe> => {
    if (browser === undefined) throw new Error('suite not set up');
    return probe(browser, { login: { url: app.url, cookie: user.cookie } });
  };

  it('runs from the import to a published evaluation a viewer reads with rank intervals', async () => {
    const p = await as(evaluator);
    const { page } = p;
    await page.goto(`${app.url}/import`);
    await page.selectOption('select[name="kind"]', 'observations');
    await page.selectOption('select[name="framework"]', 'default');
    await page.fill('input[name="period"]', '2025');
    await page.setInputFiles('input[name="file"]', {
      name: 'corrected-2025.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await Promise.all([
      page.waitForURL(/\/import\/batches\//, { timeout: 120_000 }),
      page.click('form[action="/import"] button[type="submit"]'),
    ]);
    expect(await page.textContent('#outcome')).to.include('导入成功');

    // The import report offers the next step, with the period filled in.
    await Promise.all([page.waitForURL(/\/evaluations\/new\?periods=2025/), page.click('#evaluate-batch')]);
    expect(await page.isChecked('#period-2025')).to.equal(true);
    expect(await page.isChecked('#period-2024')).to.equal(false);
    expect(await page.isChecked('input[name="mc"]')).to.equal(true);
    await page.fill('input[name="mc.runs"]', '60');
    await page.fill('input[name="label.zh"]', '2025年更正数据评估');
    await Promise.all([page.waitForURL(/\/evaluations\/jobs\//), page.click('button[name="start"]')]);
    // The job page follows the run (progress bar, no reload needed) and opens the draft.
    await page.waitForURL(/\/evaluations\/ev_[A-Za-z0-9_-]+$/, { timeout: 120_000 });
    const draftUrl = page.url();
    const draftId = draftUrl.split('/').pop() ?? '';
    expect(await page.textContent('h1')).to.include('2025年更正数据评估');
    expect(await page.textContent('#draft-review')).to.include('斯皮尔曼 ρ');

    // A viewer cannot reach the draft, nor the new-evaluation page.
    const v = await as(viewer);
    const draftAnswer = await v.page.goto(draftUrl);
    expect(draftAnswer?.status()).to.equal(404);
    const formAnswer = await v.page.goto(`${app.url}/evaluations/new`);
    expect(formAnswer?.status()).to.equal(403);

    // Compare it with the demo evaluation, picked on the list.
    await page.goto(`${app.url}/evaluations`);
    await page.check(`input[name="ids"][value="${app.demo.id}"]`);
    await page.check(`input[name="ids"][value="${draftId}"]`);
    await Promise.all([
      page.waitForURL(/\/evaluations\/compare\?/),
      page.click('#compare-picker button[type="submit"]'),
    ]);
    const comparison = (await page.textContent('main')) ?? '';
    expect(comparison).to.match(/ρ/).and.match(/τ/);

    // Publish it with a reason.
    await page.goto(draftUrl);
    await page.fill('#publish-form textarea[name="reason"]', '更正一处户数后重新评估');
    await Promise.all([page.waitForURL(draftUrl), page.click('#publish-form button[type="submit"]')]);
    const published = await app.store.evaluations.get(draftId);
    expect(published?.status).to.equal('published');
    const events = await app.store.audit.list({ action: 'evaluation.publish' });
    expect(events.find((e) => e.target === draftId)?.detail).to.include({ reason: '更正一处户数后重新评估' });

    // The viewer now reads it, each rank with its interval.
    const read = await v.page.goto(draftUrl);
    expect(read?.status()).to.equal(200);
    const ranking = (await v.page.textContent('main')) ?? '';
    expect(ranking).to.include('2025年更正数据评估');
    expect(ranking).to.match(/\d+（\d+–\d+）/);
    await p.close();
    await v.close();
    expect(p.problems.filter((problem) => !problem.includes('HTTP 404'))).to.deep.equal([]);
  });
});
