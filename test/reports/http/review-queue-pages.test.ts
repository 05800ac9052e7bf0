/**
 * The batches waiting for review (issue 15), over the demo city: a street's official finds its
 * community's self-reported batch on /import/review (reached from the navigation), not another
 * street's, in Chinese or English only; once confirmed the list says in words that nothing waits.
 * The same list in the API; whoever may not confirm data is refused both.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { importRecords } from '../../../server/store/import-records.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { demoApp, type DemoApp } from '../demo-app.js';
import { languageLeaks } from '../page-language.js';
import { formFor, Visitor } from './visitor.js';

describe('pages: the batches waiting for review (demo city)', function () {
  this.timeout(180_000);
  let app: DemoApp;
  let official: SeededUser;
  let own = '';
  let other = '';

  async function selfBatch(unit: string): Promise<string> {
    const rows = [{ unit, period: '2025', values: { households: 1000 } }];
    const { batch } = await importRecords(
      app.store,
      {
        kind: 'observations',
        actor: 'tester',
        fileName: `${unit}.csv`,
        sha256: createHash('sha256').update(`queue ${unit}`).digest('hex'),
        period: '2025',
        periods: ['2025'],
      },
      rows,
      { tally: { rows: 1, errors: 0, warnings: 0 } },
    );
    return batch.id;
  }

  before(async () => {
    app = await demoApp();
    official = await seedUser(app.store, 'viewer', { unitScope: ['WY01S01'] });
    own = await selfBatch('WY01S01C00');
    const [elsewhere] = await app.store.units.list({ parent: 'WY01S02' });
    other = await selfBatch(elsewhere?.code ?? '');
  });
  after(async () => {
    await app.close();
  });

  it("lists a street official's own pending batch, linked from the navigation, in each language only", async () => {
    const visitor = new Visitor(app.url, official.cookie);
    const units = await app.store.units.list({});
    const names = units.flatMap((u) => [u.name.zh, u.name.en]);
    // The brand name is bilingual on every page.
    const data = [...names, official.user.displayName, 'tester', '治理 Zhili', 'Zhili 治理', '治理'];
    for (const lang of ['zh', 'en'] as const) {
      const page = await visitor.get(`/import/review${lang === 'en' ? '?lang=en' : ''}`);
      expect(page.status).to.equal(200);
      expect(page.html).to.include(`href="/import/batches/${own}"`).and.not.include(other);
      expect(page.html).to.include('<div class="table-wrap">');
      expect(page.html).to.include(lang === 'zh' ? '待审核的自报数据' : 'Self-reported batches to review');
      expect(languageLeaks(lang, page.html, data), lang).to.deep.equal([]);
    }
    const home = await visitor.get('/evaluations');
    expect(home.html).to.include('href="/import/review"');
  });

  it('offers the list from the import page to whoever may confirm data', async () => {
    const page = await new Visitor(app.url, app.admin.cookie).get('/import');
    expect(page.html).to.include('id="review-queue-link"');
  });

  it('serves the same list in the API, refusing whoever may not confirm data', async () => {
    const answer = await fetch(`${app.url}/api/v1/imports/review`, { headers: official.headers });
    expect(answer.status).to.equal(200);
    const body = (await answer.json()) as {
      items: { batch: { id: string }; unitCount: number; units: { code: string }[] }[];
      next: number | null;
    };
    expect(body.items.map((i) => [i.batch.id, i.unitCount, i.units[0]?.code])).to.deep.equal([
      [own, 1, 'WY01S01C00'],
    ]);
    expect(body.next).to.equal(null);
    const researcher = await seedUser(app.store, 'researcher');
    const refused = await fetch(`${app.url}/api/v1/imports/review`, { headers: researcher.headers });
    expect(refused.status).to.equal(403);
    const page = await new Visitor(app.url, researcher.cookie).get('/import/review');
    expect(page.status).to.equal(403);
  });

  it('says in words that nothing waits once the batch is confirmed', async () => {
    const visitor = new Visitor(app.url, official.cookie);
    const batch = await visitor.get(`/import/batches/${own}`);
    expect((await visitor.submit(formFor(batch.html, `/import/batches/${own}/confirm`))).status).to.equal(
      303,
    );
    for (const [lang, words] of [
      ['zh', '目前没有等待你审核的数据批次。'],
      ['en', 'No batch is waiting for your review.'],
    ] as const) {
      const page = await visitor.get(`/import/review?lang=${lang}`);
      expect(page.html).to.include(words).and.not.include('<table');
    }
  });
});
