import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { professionalismDefinitions } from '../../indicators/professionalism-draft.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { demoApp, type DemoApp } from '../demo-app.js';
import { launchOrSkip } from './chromium.js';
import { probe } from './page-probe.js';

/**
 * The researcher's workbench in Chromium: a sixth dimension, 专业性 (professionalism), with two
 * indicators on new variables, added to the default framework as version 1.1.0 in one draft —
 * typed partly into the form fields and partly as JSON, each kept in step with the other by the
 * page's script — checked first with a deliberate problem and then clean, and previewed on the
 * demo evaluation: the rank agreement, and the warning that the new dimension has no data; then
 * published with a reason, after which an evaluator runs framework 1.1.0 from /evaluations/new —
 * no restart, no file edited — and the draft evaluation warns that the new dimension has no data.
 */
describe('the researcher’s workbench in chromium: a sixth dimension from draft to evaluation', function () {
  this.timeout(300_000);
  let browser: Browser | undefined;
  let app: DemoApp;
  let researcher: SeededUser;
  let evaluator: SeededUser;

  before(async function () {
    browser = await launchOrSkip(this);
    app = await demoApp();
    researcher = await seedUser(app.store, 'researcher', { login: 'workbench-researcher' });
    evaluator = await seedUser(app.store, 'evaluator', { login: 'workbench-evaluator' });
  });
  after(async () => {
    await browser?.close();
    await app.close();
  });

  it('drafts, checks and previews a new dimension with its indicators and the revised framework', async () => {
    if (browser === undefined) throw new Error('suite not set up');
    const p = await probe(browser, { login: { url: app.url, cookie: researcher.cookie } });
    const { page } = p;
    const definitions = professionalismDefinitions(app.deps.registry);

    await page.goto(`${app.url}/definitions/drafts`);
    await page.fill('#start-dimension input[name="title"]', '专业性');
    await page.fill('#start-dimension input[name="id"]', 'professionalism');
    await Promise.all([page.waitForURL(/\/definitions\/drafts\/dd_/), page.click('#start-dimension button')]);
    const draftUrl = page.url().split('?')[0] ?? '';

    // The form writes into the JSON as it is typed.
    await page.fill('#f0-name-zh', '专业性');
    await page.fill('#f0-name-en', 'Professionalism');
    await page.fill('#f0-description-zh', '社区工作者是否具备专业资质和持续培训。');
    await page.fill('#f0-description-en', 'Whether community workers are qualified and keep learning.');
    await page.fill('#f0-weight', '0.1');
    const dimension = JSON.parse(await page.inputValue('#json-0')) as Record<string, unknown>;
    expect(dimension).to.deep.include({ name: { zh: '专业性', en: 'Professionalism' }, weight: 0.1 });
    await Promise.all([page.waitForURL(/#file-0$/), page.click('#file-0 button[value="form"]')]);

    // Two indicators, started from the scaffold, then written as JSON; the form follows the text.
    for (const id of ['certified_worker_share', 'training_hours_per_worker']) {
      await page.fill('#add-file #start-indicator input[name="dimension"]', 'professionalism');
      await page.fill('#add-file #start-indicator input[name="id"]', id);
      await Promise.all([page.waitForURL(draftUrl), page.click('#add-file #start-indicator button')]);
    }
    await page.fill('#json-1', JSON.stringify(definitions.certified, null, 2));
    expect(await page.inputValue('#f1-formula')).to.equal(
      'certified_social_workers / community_workers * 100',
    );
    await Promise.all([page.waitForURL(/#file-1$/), page.click('#file-1 button[value="json"]')]);
    // A deliberate problem: the formula reads a variable the indicator does not declare.
    await page.fill(
      '#json-2',
      JSON.stringify({ ...definitions.training, formula: 'training_hours / staff' }, null, 2),
    );
    await Promise.all([page.waitForURL(/#file-2$/), page.click('#file-2 button[value="json"]')]);

    // The default framework, revised: version raised to 1.1.0, the new dimension and indicators added as rows.
    await page.selectOption('#add-file #start-revise select[name="definition"]', 'framework:default');
    await Promise.all([page.waitForURL(draftUrl), page.click('#add-file #start-revise button')]);
    expect(await page.inputValue('#f3-version')).to.equal('1.1.0');
    await page.fill('#file-3 input[name="/dimensions/5/id"]', 'professionalism');
    await page.fill('#file-3 input[name="/dimensions/5/weight"]', '0.1');
    await page.fill('#file-3 input[name="/indicators/33/id"]', 'certified_worker_share');
    await page.fill('#file-3 input[name="/indicators/33/weight"]', '1');
    await Promise.all([page.waitForURL(/#file-3$/), page.click('#file-3 button[value="form"]')]);
    await page.fill('#file-3 input[name="/indicators/34/id"]', 'training_hours_per_worker');
    await page.fill('#file-3 input[name="/indicators/34/weight"]', '1');
    await Promise.all([page.waitForURL(/#file-3$/), page.click('#file-3 button[value="form"]')]);

    // The check names the problem, its file and field (linked to the form field), in both languages.
    expect(await page.textContent('#draft-check-summary')).to.match(/发现 \d+ 个问题/);
    const formulaRow = page
      .locator('#draft-problems tr', { has: page.locator('a[href="#f2-formula"]') })
      .first();
    expect(await formulaRow.textContent())
      .to.include('公式使用了未声明的变量')
      .and.include('formula uses an undeclared variable');

    // Corrected in the form; the script carries it into the JSON, and the check passes.
    await page.fill('#f2-formula', definitions.training.formula as string);
    expect(JSON.parse(await page.inputValue('#json-2'))).to.include({
      formula: definitions.training.formula,
    });
    await Promise.all([page.waitForURL(/#file-2$/), page.click('#file-2 button[value="form"]')]);
    expect(await page.textContent('#draft-check-summary')).to.match(/没有发现问题，4 个测试用例全部通过/);

    // The impact on the demo evaluation.
    await page.selectOption('#preview-form select[name="framework"]', 'default');
    await page.selectOption('#preview-form select[name="evaluation"]', app.demo.id);
    await Promise.all([page.waitForURL(/evaluation=/), page.click('#preview-form button')]);
    expect(await page.textContent('#preview-ranks')).to.match(/斯皮尔曼 ρ = \d\.\d{3}，肯德尔 τ = \d\.\d{3}/);
    expect(await page.textContent('#preview-no-data')).to.include('专业性');
    expect(await page.textContent('#preview-coverage'))
      .to.include('certified_social_workers')
      .and.include('training_hours');
    expect(await page.textContent('#preview-burden')).to.match(/修改前 \d+ 个，修改后 \d+ 个/);

    // Published with a reason: a new catalogue version, the draft gone from the list.
    await page.fill('#publish-form textarea[name="reason"]', '增加专业性维度（熊易寒提出的评价维度之一）');
    await Promise.all([
      page.waitForURL(/\/definitions\/drafts\?published=\d+$/),
      page.click('#publish-form button'),
    ]);
    expect(await page.textContent('#published-note')).to.match(/已发布为目录版本 \d+/);
    expect(await page.locator('#drafts-table').count()).to.equal(0);

    expect(p.problems).to.deep.equal([]);
    expect(await p.cspViolations()).to.deep.equal([]);
    await p.close();

    // Without a restart, the evaluator's form offers framework 1.1.0 and runs it.
    const e = await probe(browser, { login: { url: app.url, cookie: evaluator.cookie } });
    await e.page.goto(`${app.url}/evaluations/new?framework=default&periods=2025`);
    expect(await e.page.inputValue('select[name="frameworkVersion"]')).to.equal('1.1.0');
    await e.page.fill('input[name="label.zh"]', '含专业性维度的评估');
    await Promise.all([e.page.waitForURL(/\/evaluations\/jobs\//), e.page.click('button[name="start"]')]);
    await e.page.waitForURL(/\/evaluations\/ev_[A-Za-z0-9_-]+$/, { timeout: 120_000 });
    expect(await e.page.textContent('h1')).to.include('含专业性维度的评估');
    // The new dimension has no data yet: the draft evaluation says so instead of an empty column.
    expect(await e.page.textContent('#data-warnings')).to.include('维度“专业性”完全没有数据');
    const id = e.page.url().split('/').pop() ?? '';
    expect((await app.store.evaluations.get(id))?.framework.version).to.equal('1.1.0');
    expect(e.problems).to.deep.equal([]);
    await e.close();
  });
});
