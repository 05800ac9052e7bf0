/**
 * "My priorities" in chromium on the demo city: changing one rating re-ranks the table in place (no
 * page load), with what the server's engine answers for those ratings; all ratings at zero shows the
 * server's refusal in the page; and no CSP or console errors along the way.
 */
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { demoApp, type DemoApp } from '../demo-app.js';
import { launchOrSkip } from './chromium.js';
import { probe } from './page-probe.js';

const PUBLISHED = 'w.coverage=5&w.responsiveness=5&w.autonomy=4&w.intelligence=3&w.institutionalization=3';

describe('my priorities in chromium (demo city)', function () {
  this.timeout(240_000);
  let browser: Browser | undefined;
  let app: DemoApp | undefined;

  before(async function () {
    browser = await launchOrSkip(this);
    app = await demoApp();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The codes and own ranks of the table's rows as the page shows them now. */
  const tableOf = `(() => [...document.querySelectorAll('#priorities-table tbody tr')].map(
    (tr) => tr.dataset.code + ' ' + tr.cells[0].textContent))()`;

  it('re-ranks the table in place when one rating changes, as the server’s engine answers', async () => {
    if (browser === undefined || app === undefined) throw new Error('not set up');
    const p = await probe(browser, { login: { url: app.url, cookie: app.admin.cookie } });
    const path = `/evaluations/${app.demo.id}`;
    await p.page.goto(`${app.url}${path}?period=2025&${PUBLISHED}#my-priorities`, { waitUntil: 'load' });
    const before = await p.page.evaluate<string[]>(tableOf);
    expect(before).to.have.length(50);
    await p.page.evaluate('window.__samePage = true');
    let loads = 0;
    p.page.on('load', () => loads++);
    await p.page.selectOption('select[name="w.autonomy"]', '0');
    await p.page.waitForSelector('#priorities-result[data-updated]');
    const after = await p.page.evaluate<string[]>(tableOf);
    expect(await p.page.evaluate('window.__samePage')).to.equal(true);
    expect(loads).to.equal(0);
    expect(after).to.have.length(50);
    expect(after).not.to.deep.equal(before);
    // The table holds what the server answers for the same ratings.
    const answer = (await (
      await fetch(
        `${app.url}${path}/priorities?period=2025&${PUBLISHED.replace('w.autonomy=4', 'w.autonomy=0')}`,
        {
          headers: { cookie: app.admin.cookie, accept: 'application/json' },
        },
      )
    ).json()) as { rho: string; rows: { code: string; ownRank: string }[] };
    expect(after).to.deep.equal(answer.rows.map((row) => `${row.code} ${row.ownRank}`));
    expect(await p.page.textContent('#priorities-rho')).to.equal(answer.rho);
    expect(p.page.url()).to.include('w.autonomy=0');
    expect(p.problems).to.deep.equal([]);
    expect(await p.cspViolations()).to.deep.equal([]);
    await p.close();
  });

  it('shows the server’s refusal when every rating is set to zero', async () => {
    if (browser === undefined || app === undefined) throw new Error('not set up');
    const p = await probe(browser, { login: { url: app.url, cookie: app.admin.cookie } });
    await p.page.goto(`${app.url}/evaluations/${app.demo.id}`, { waitUntil: 'load' });
    expect(await p.page.isHidden('#priorities-result')).to.equal(true);
    for (const name of ['coverage', 'responsiveness', 'autonomy', 'intelligence', 'institutionalization'])
      await p.page.selectOption(`select[name="w.${name}"]`, '0');
    await p.page.waitForSelector('#priorities-problem:not([hidden])');
    expect(await p.page.textContent('#priorities-problem')).to.include('至少给一个维度大于 0 的侧重评分');
    // The refusal itself is the only failed request (a 400 and the console's line about it).
    expect(p.problems.filter((problem) => !/\/priorities\?|status of 400/.test(problem))).to.deep.equal([]);
    expect(await p.cspViolations()).to.deep.equal([]);
    await p.close();
  });
});
