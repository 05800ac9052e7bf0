/**
 * The self-evaluation pages in chromium: a community viewer granted self.assess runs one from the
 * /self form (two periods checked), lands on its page, which shows the hand-worked index of the
 * latest period (61.0, test/self/self-fixture.ts) in Chinese and in English, with no console error
 * and no CSP violation; on a phone its tables scroll inside their frame.
 */
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { startSession } from '../../../server/access/credentials.js';
import { buildApp } from '../../../server/app.js';
import { appDeps } from '../../support/app-deps.js';
import { serve, type Served } from '../../support/http.js';
import { FIXTURE_INDICATORS, selfWorld, type SelfWorld } from '../../self/self-fixture.js';
import { launchOrSkip } from './chromium.js';
import { probe } from './page-probe.js';

describe('self-evaluation pages in chromium', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  let world: SelfWorld | undefined;
  let served: Served | undefined;
  let cookie = '';

  before(async function () {
    browser = await launchOrSkip(this);
    world = await selfWorld();
    served = await serve(buildApp(await appDeps(world.store, FIXTURE_INDICATORS)));
    cookie = `zhili_session=${(await startSession(world.store, world.users.c1)).secret}`;
  });
  after(async () => {
    await browser?.close();
    await served?.close();
    await world?.dispose();
  });

  it('runs a self-evaluation from the form and shows its result in both languages', async () => {
    if (browser === undefined || served === undefined) throw new Error('not set up');
    const p = await probe(browser, { login: { url: served.url, cookie } });
    await p.page.goto(`${served.url}/self`, { waitUntil: 'load' });
    expect(await p.page.textContent('h1')).to.equal('社区自评');
    await Promise.all([p.page.waitForURL(/\/self\/self_/), p.page.click('form[action="/self"] button')]);
    expect(await p.page.textContent('main')).to.include('61.0');
    expect(await p.page.textContent('h1')).to.include('2024、2025');
    await p.page.goto(`${p.page.url()}?lang=en`, { waitUntil: 'load' });
    expect(await p.page.textContent('h1')).to.include('Self-evaluation of');
    expect(await p.page.textContent('main')).to.include('goalposts');
    expect(p.problems).to.deep.equal([]);
    expect(await p.cspViolations()).to.deep.equal([]);
    await p.close();
  });

  it('keeps its tables inside the page width on a phone', async () => {
    if (browser === undefined || served === undefined || world === undefined) throw new Error('not set up');
    const [mine] = await world.store.selfEvaluations.listOwned(world.users.c1.id);
    const p = await probe(browser, { login: { url: served.url, cookie }, width: 375, height: 740 });
    await p.page.goto(`${served.url}/self/${mine!.id}`, { waitUntil: 'load' });
    const overflow = await p.page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).to.be.at.most(0);
    expect(p.problems).to.deep.equal([]);
    expect(await p.cspViolations()).to.deep.equal([]);
    await p.close();
  });
});
