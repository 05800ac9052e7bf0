import { expect } from 'chai';
import type { ResultsDocument } from '../../../server/evaluation/results-document.js';
import { readResults } from '../../../server/reports/context/read-results.js';
import { seedUser } from '../../support/auth.js';
import { demoApp, type DemoApp } from '../demo-app.js';

describe('residents’ satisfaction check page (demo city)', function () {
  this.timeout(180_000);
  let app: DemoApp;
  let doc: ResultsDocument;
  let base: string;

  before(async () => {
    app = await demoApp();
    base = `${app.url}/evaluations/${app.demo.id}`;
    doc = readResults(await app.store.evaluations.readResults(app.demo.id));
  });
  after(async () => {
    await app.close();
  });

  const get = (url: string, cookie = app.admin.cookie) => fetch(url, { headers: { cookie } });

  it('stores a check of every survey indicator of the framework, for the communities and the streets', () => {
    const section = doc.satisfaction;
    expect(section?.measures.map((m) => m.indicator)).to.deep.equal(doc.surveys?.indicators.map((i) => i.id));
    for (const measure of section?.measures ?? []) {
      expect(measure.levels.map((l) => l.level)).to.include.members(['community', 'street']);
      for (const level of measure.levels)
        for (const period of level.periods) {
          const index = period.nodes.at(-1);
          expect(index?.node).to.equal(doc.root);
          const left = Object.values(period.missing).reduce((a, b) => a + b, 0);
          expect(period.units.length + left + period.notSurveyed).to.equal(level.unitCount);
          expect(index?.n).to.equal(period.units.length - (index?.scoreMissing ?? 0));
        }
    }
  });

  it('shows the index’s r, ρ and n for the communities in the latest period', async () => {
    const response = await get(`${base}/satisfaction?lang=en`);
    expect(response.status).to.equal(200);
    const html = await response.text();
    const period = doc.satisfaction?.measures[0]?.levels[0]?.periods.at(-1);
    const index = period?.nodes.at(-1);
    expect(index?.pearson).to.be.a('number');
    const row = /<tr><th scope="row"><strong>[^<]*<\/strong><\/th>([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '';
    const cells = [...row.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(cells.slice(0, 3)).to.deep.equal([
      (index?.pearson ?? 0).toFixed(3),
      (index?.spearman ?? 0).toFixed(3),
      String(index?.n),
    ]);
    expect(html).to.include('id="chart-satisfaction"');
  });

  it('exports the summary with one row per survey indicator, level, period and node', async () => {
    const response = await get(`${base}/satisfaction?format=json&table=summary`);
    expect(response.status).to.equal(200);
    const rows = (await response.json()) as unknown[];
    const expected = (doc.satisfaction?.measures ?? []).reduce(
      (sum, m) => sum + m.levels.reduce((s, l) => s + l.periods.reduce((t, p) => t + p.nodes.length, 0), 0),
      0,
    );
    expect(rows.length).to.equal(expected);
  });

  it('links the check from the evaluation page and the methodology appendix', async () => {
    for (const path of ['', '/methodology']) {
      const html = await (await get(`${base}${path}`)).text();
      expect(html, path).to.include(`/evaluations/${app.demo.id}/satisfaction"`);
    }
  });

  it('answers 400 for a survey indicator the evaluation does not report', async () => {
    expect((await get(`${base}/satisfaction?measure=nope`)).status).to.equal(400);
  });

  it('answers 404 to a reader limited to some units', async () => {
    const viewer = await seedUser(app.store, 'viewer', { login: 'scoped.sat', unitScope: ['WY03'] });
    expect((await get(`${base}/satisfaction`, viewer.cookie)).status).to.equal(404);
  });
});
