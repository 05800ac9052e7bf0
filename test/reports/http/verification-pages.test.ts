/**
 * "Who evaluates" on the pages (issue 15), over the demo city: a street's official (a viewer scoped
 * to the street) confirms its communities' batch from the batch page but cannot touch another
 * street's, by page or API; the methodology lists the sources in order and the units with the
 * largest self-vs-verified gap (exportable); a checked community's unit page shows its gaps and
 * each indicator value's status in words.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { importRecords } from '../../../server/store/import-records.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { demoApp, type DemoApp } from '../demo-app.js';
import { formFor, Visitor } from './visitor.js';

describe('pages: sources, reviews and self-vs-verified gaps (demo city)', function () {
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
        sha256: createHash('sha256').update(unit).digest('hex'),
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

  it("lets a street's official confirm its community's batch from the batch page, which then shows it locked", async () => {
    const visitor = new Visitor(app.url, official.cookie);
    const page = await visitor.get(`/import/batches/${own}`);
    expect(page.status).to.equal(200);
    expect(page.html).to.include('自报（未审核）');
    const answer = await visitor.submit(formFor(page.html, `/import/batches/${own}/confirm`));
    expect(answer.status).to.equal(303);
    expect((await app.store.imports.get(own))?.review?.by).to.equal(official.user.login);
    const after = await visitor.get(`/import/batches/${own}`);
    expect(after.html).to.include('自报（已确认）').and.not.include('id="confirm-batch"');
  });

  it("refuses a street's official another street's batch on the page and in the API", async () => {
    const visitor = new Visitor(app.url, official.cookie);
    expect((await visitor.get(`/import/batches/${other}`)).status).to.equal(404);
    const posted = await visitor.post(`/import/batches/${other}/confirm`, { _csrf: official.csrf });
    expect(posted.status).to.equal(403);
    const api = await fetch(`${app.url}/api/v1/imports/${other}/return`, {
      method: 'POST',
      headers: { ...official.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'not ours' }),
    });
    expect(api.status).to.equal(403);
    expect((await app.store.imports.get(other))?.review).to.equal(null);
  });

  it('lists the sources the evaluation counted, most preferred first, and the largest gaps', async () => {
    const visitor = new Visitor(app.url, app.admin.cookie);
    const page = await visitor.get(`/evaluations/${app.demo.id}/methodology`);
    const order = /<ol id="source-order">([\s\S]*?)<\/ol>/.exec(page.html)?.[1] ?? '';
    expect([...order.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1])).to.deep.equal([
      '第三方调查或督查',
      '街道核查',
      '社区自报',
    ]);
    expect(page.html).to.include('id="gaps"');
    const csv = await visitor.get(`/evaluations/${app.demo.id}/methodology?table=gaps&format=csv`);
    expect(csv.status).to.equal(200);
    const lines = csv.html.trim().split(/\r?\n/);
    // The demo's streets checked 150 communities.
    expect(lines.length - 1).to.equal(150);
  });

  it("shows a checked community's gaps and each value's status in words on its unit page", async () => {
    const visitor = new Visitor(app.url, app.admin.cookie);
    const page = await visitor.get(`/evaluations/${app.demo.id}/units/WY01S01C00`);
    expect(page.html).to.include('id="unit-gaps"');
    expect(page.html).to.include('class="badge value-status status-street">街道核查');
    expect(page.html).to.include('class="badge value-status status-self">自报（未审核）');
    const json = await visitor.get(`/evaluations/${app.demo.id}/units/WY01S01C00?table=gaps&format=json`);
    const rows = JSON.parse(json.html) as unknown[];
    expect(json.status).to.equal(200);
    expect(rows.length).to.be.above(0);
  });
});
