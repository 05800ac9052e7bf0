import { expect } from 'chai';
import type { ResultsDocument } from '../../../server/evaluation/results-document.js';
import { runEvaluation } from '../../../server/evaluation/run-evaluation.js';
import { readResults } from '../../../server/reports/context/read-results.js';
import { demoApp, type DemoApp } from '../demo-app.js';
import { unescapeHtml } from './visitor.js';

/** The rows of a table (by id, or the first table after a heading id) as their HTML. */
function tableRows(html: string, start: string): string[] {
  const from = html.indexOf(start);
  const table = /<tbody>[\s\S]*?<\/tbody>/.exec(html.slice(from))?.[0] ?? '';
  return [...table.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((m) => m[0]);
}

const text = (fragment: string): string =>
  unescapeHtml(fragment.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/** "9–15" for [9.4, 14.2]: the whole ranks the interval covers; "1" when both ends are one rank. */
function covered(low: number, high: number): string {
  const from = Math.floor(low);
  const to = Math.ceil(high);
  return from === to ? String(from) : `${from}–${to}`;
}

describe('rank intervals beside the ranks (demo city)', function () {
  this.timeout(180_000);
  let app: DemoApp;
  let doc: ResultsDocument;
  let base: string;
  let plainBase: string;

  before(async () => {
    app = await demoApp();
    base = `${app.url}/evaluations/${app.demo.id}`;
    doc = readResults(await app.store.evaluations.readResults(app.demo.id));
    const plain = await runEvaluation(app.store, app.deps.registry, {
      frameworkId: 'default',
      periods: doc.periods,
      actor: app.admin.user.id,
    });
    plainBase = `${app.url}/evaluations/${plain.id}`;
  });
  after(async () => {
    await app.close();
  });

  const get = async (url: string): Promise<string> => {
    const response = await fetch(url, { headers: { cookie: app.admin.cookie } });
    expect(response.status, url).to.equal(200);
    return response.text();
  };

  /** The stored interval, band and nominal rank of a unit of a roll-up level in the latest period. */
  const levelFigures = (code: string) => {
    const level = doc.uncertainty?.levels?.find((l) => l.codes.includes(code));
    if (level === undefined) throw new Error(`no level intervals hold ${code}`);
    const row = (doc.periods.length - 1) * level.codes.length + level.codes.indexOf(code);
    return {
      p5: level.p5[row] ?? Number.NaN,
      p95: level.p95[row] ?? Number.NaN,
      band: level.band[row] ?? Number.NaN,
      first: level.bandFirst[row] ?? Number.NaN,
      last: level.bandLast[row] ?? Number.NaN,
    };
  };

  it('stores intervals and bands for the streets, the districts and the city', () => {
    expect(doc.uncertainty?.levels?.map((l) => l.codes.length)).to.deep.equal(
      doc.rollup?.levels.map((l) => l.codes.length),
    );
    expect(doc.uncertainty?.band?.length).to.equal(doc.units.length * doc.periods.length);
    // The city alone in its level always ranks first.
    expect(levelFigures('WY')).to.deep.include({ p5: 1, p95: 1, band: 1 });
  });

  it('shows each district’s interval after its rank in the league table', async () => {
    const rows = tableRows(await get(base), 'id="districts"');
    expect(rows).to.have.length(7);
    for (const row of rows) {
      const code = /units\/(WY\d\d)"/.exec(row)?.[1] ?? '';
      const { p5, p95 } = levelFigures(code);
      expect(text(row), code).to.include(`（${covered(p5, p95)}）`);
    }
  });

  it('shows the districts’ intervals and shades their bands in the ranking of the districts', async () => {
    const rows = tableRows(await get(`${base}?level=district`), 'id="ranking-table"');
    expect(rows).to.have.length(7);
    for (const row of rows) {
      const code = /<code>(WY\d\d)<\/code>/.exec(row)?.[1] ?? '';
      const { p5, p95, band, first, last } = levelFigures(code);
      expect(text(row), code)
        .to.include(`（${covered(p5, p95)}）`)
        .and.include(covered(first, last));
      expect(row, code).to.include(band % 2 === 1 ? 'class="band-odd"' : 'class="band-even"');
    }
  });

  it('shows the communities’ intervals and bands from the stored base-unit analysis', async () => {
    const html = await get(base);
    const rows = tableRows(html, 'id="ranking-table"');
    expect(rows).to.have.length(50);
    const u = doc.uncertainty;
    for (const row of rows.slice(0, 5)) {
      const code = /<code>(WY\w+)<\/code>/.exec(row)?.[1] ?? '';
      const at = (doc.periods.length - 1) * doc.units.length + doc.units.indexOf(code);
      expect(text(row), code)
        .to.include(`（${covered(u?.p5[at] ?? 0, u?.p95[at] ?? 0)}）`)
        .and.include(covered(u?.bandFirst?.[at] ?? 0, u?.bandLast?.[at] ?? 0));
    }
    expect(html).to.include('区间重叠的单位（同一色带，底色相同）之间的名次差异不可靠');
  });

  it('says in English what the interval means under the league table', async () => {
    const html = await get(`${base}?lang=en`);
    expect(html).to.include(
      'The interval holds the unit’s rank in 90 % of the Monte Carlo runs; units whose intervals overlap should not be read as ordered.',
    );
  });

  it('gives two compared districts their intervals', async () => {
    const rows = tableRows(await get(`${base}/compare?units=WY01,WY02`), 'id="comparison"');
    const row = rows.find((r) => r.includes('排名区间（90%）')) ?? '';
    const wy01 = levelFigures('WY01');
    const wy02 = levelFigures('WY02');
    expect(text(row)).to.include(`${covered(wy01.p5, wy01.p95)} ${covered(wy02.p5, wy02.p95)}`);
  });

  it('exports the stored quantiles and band with the league table', async () => {
    const json = await get(`${base}?format=json&table=districts`);
    const rows = JSON.parse(json) as { code: string; rank_p5: number; rank_p95: number; rank_band: number }[];
    const wy03 = rows.find((r) => r.code === 'WY03');
    const stored = levelFigures('WY03');
    expect(wy03).to.deep.include({ rank_p5: stored.p5, rank_p95: stored.p95, rank_band: stored.band });
  });

  it('says where the intervals would be that the evaluation had no Monte Carlo', async () => {
    const html = await get(plainBase);
    const sentence = '本次评估未做不确定性分析，无排名区间。';
    expect(html.split(sentence)).to.have.length(3); // under the league table and under the ranking
    expect(html).to.not.include('class="interval"');
    const compare = await get(`${plainBase}/compare?units=WY01,WY02`);
    expect(compare).to.include(sentence).and.not.include('排名区间（90%）');
  });
});
