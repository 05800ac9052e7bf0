import { expect } from 'chai';
import { importRecords } from '../../server/store/import-records.js';
import { seedUser, type SeededUser } from '../support/auth.js';
import { demoApp, type DemoApp } from '../reports/demo-app.js';
import { Visitor } from '../reports/http/visitor.js';

/** The unit codes in the ranking table of a page (its third column). */
function rankingCodes(html: string): string[] {
  const table = /<table id="ranking-table"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  return [...table.matchAll(/<td class="text"><code>([^<]+)<\/code><\/td>/g)].map((m) => m[1] ?? '');
}

/** The CSV row of one unit in a full results export: [code, name_zh, name_en, parent, period, …]. */
function exportRow(csv: string, code: string): string[] {
  const line = csv.split(/\r?\n/).find((l) => l.startsWith(`${code},`)) ?? '';
  return line.split(',');
}

describe('a published evaluation keeps the unit register it was computed with', function () {
  this.timeout(180_000);
  let app: DemoApp;
  let base: string;
  let streetViewer: SeededUser;
  /** A community of street WY01S02, renamed and moved under WY01S01 after the evaluation. */
  let moved: string;
  let original: { name: string; parent: string; streetCodes: string[] };

  before(async () => {
    app = await demoApp();
    base = `/evaluations/${app.demo.id}`;
    streetViewer = await seedUser(app.store, 'viewer', { unitScope: ['WY01S01'] });
    const unit = (await app.store.units.list({ parent: 'WY01S02' })).find((u) => u.level === 'community');
    if (unit === undefined) throw new Error('the demo city has no community in WY01S02');
    moved = unit.code;
    const { html } = await new Visitor(app.url, streetViewer.cookie).get(base);
    original = { name: unit.name.zh, parent: unit.parent ?? '', streetCodes: rankingCodes(html).sort() };
    await importRecords(
      app.store,
      { kind: 'units', actor: 'test', fileName: 'u.json', sha256: 'e'.repeat(64), period: null, periods: [] },
      [
        {
          code: unit.code,
          name: { zh: '改名社区', en: 'Renamed community' },
          level: unit.level,
          parent: 'WY01S01',
          attributes: unit.attributes,
        },
      ],
      { tally: { rows: 1, errors: 0, warnings: 0 } },
    );
    expect((await app.store.units.list({ codes: [moved] }))[0]?.parent).to.equal('WY01S01');
  });
  after(async () => {
    await app.close();
  });

  it('exports the name and parent the unit had when the evaluation ran', async () => {
    const { html: csv } = await new Visitor(app.url, app.admin.cookie).get(
      `${base}?format=csv&table=results`,
    );
    const [code, nameZh, , parent] = exportRow(csv, moved);
    expect([code, nameZh, parent]).to.deep.equal([moved, original.name, original.parent]);
  });

  it('shows the unit page under its old name and street', async () => {
    const { html } = await new Visitor(app.url, app.admin.cookie).get(`${base}/units/${moved}`);
    expect(html).to.include(original.name).and.not.include('改名社区');
  });

  it('gives a viewer scoped to a street the units the street had when the evaluation ran', async () => {
    const { html } = await new Visitor(app.url, streetViewer.cookie).get(base);
    expect(original.streetCodes).to.not.include(moved);
    expect(rankingCodes(html).sort()).to.deep.equal(original.streetCodes);
  });

  it('cuts the API results to the scope on the frozen tree', async () => {
    const response = await fetch(`${app.url}/api/v1/evaluations/${app.demo.id}/results`, {
      headers: streetViewer.headers,
    });
    const body = (await response.json()) as { units: string[] };
    expect(response.status).to.equal(200);
    expect(body.units).to.not.include(moved);
    expect(body.units.sort()).to.deep.equal(original.streetCodes);
  });
});
