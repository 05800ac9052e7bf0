import { expect } from 'chai';
import type { ProgressDocument } from '../../../server/evaluation/progress-document.js';
import { readProgressSection } from '../../../server/reports/context/read-progress.js';
import { demoApp, type DemoApp } from '../demo-app.js';
import { unescapeHtml } from './visitor.js';

const text = (fragment: string): string =>
  unescapeHtml(fragment.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

const CATEGORIES = ['target_reached', 'on_track', 'moderate_progress', 'limited_progress', 'deterioration'];

describe('progress over several periods (demo city, 2023–2025)', function () {
  this.timeout(180_000);
  let app: DemoApp;
  let progress: ProgressDocument;
  let base: string;

  before(async () => {
    app = await demoApp();
    base = `${app.url}/evaluations/${app.demo.id}`;
    const found = readProgressSection(await app.store.evaluations.readResults(app.demo.id));
    if (found === null) throw new Error('the demo evaluation stored no progress');
    progress = found;
  });

  after(async () => app.close());

  const page = async (path: string): Promise<string> => {
    const response = await fetch(`${base}${path}`, { headers: { cookie: app.admin.cookie } });
    expect(response.status).to.equal(200);
    return response.text();
  };

  it('measures progress from 2023 towards 2030 by default', () => {
    expect([progress.base, progress.targetPeriod]).to.deep.equal(['2023', '2030']);
  });

  it('stores all five categories among the indicators in 2025', () => {
    const unitCount = (progress.status.index ?? []).length / 3;
    const seen = new Set<string>();
    for (const [id, codes] of Object.entries(progress.status)) {
      if (progress.targets[id] === null) continue;
      for (const code of codes.slice(2 * unitCount)) seen.add(progress.statuses[code] ?? '?');
    }
    expect([...seen].filter((name) => name !== 'none').sort()).to.deep.equal([...CATEGORIES].sort());
  });

  it('shows the units per category on the evaluation page, every category with units', async () => {
    const html = await page('?period=2025&lang=en');
    const from = html.indexOf('id="progress-counts"');
    expect(from).to.be.above(-1);
    const table = html.slice(from, html.indexOf('</table>', from));
    for (const label of [
      'target reached',
      'on track',
      'moderate progress',
      'limited progress',
      'deterioration',
    ])
      expect(text(table)).to.include(label);
    // column totals of the five categories, from the page's own cells
    const rows = [...table.matchAll(/<tr><th scope="row">[\s\S]*?<\/tr>/g)].map((m) =>
      [...m[0].matchAll(/<td>([^<]*)<\/td>/g)].map((c) => Number((c[1] ?? '').replace(/,/g, ''))),
    );
    expect(rows.length).to.be.above(5);
    for (let column = 0; column < 5; column++)
      expect(
        rows.reduce((sum, r) => sum + (r[column] ?? 0), 0),
        CATEGORIES[column],
      ).to.be.above(0);
  });

  it("shows a unit's category per indicator on its page, in Chinese first", async () => {
    const doc = (await app.store.evaluations.readResults(app.demo.id)) as { units: string[] };
    const html = await page(`/units/${doc.units[0] ?? ''}?period=2025`);
    expect(html).to.include('id="progress-unit"');
    expect(text(html)).to.match(/已达目标|按期可达|进展中等|进展有限|退步/);
  });

  it('filters the ranking to units worse than their peers and worsening', async () => {
    const doc = (await app.store.evaluations.readResults(app.demo.id)) as { units: string[] };
    const n = doc.units.length;
    const flagged = (progress.worseAndWorsening[0] ?? []).slice(2 * n).reduce((a, b) => a + b, 0);
    expect(flagged).to.be.above(0);
    const html = await page('?period=2025&level=community&worsening=1&lang=en');
    expect(html).to.match(/name="worsening" value="1" checked/);
    expect(text(html)).to.include(`of ${flagged.toLocaleString('en')}`);
  });
});
