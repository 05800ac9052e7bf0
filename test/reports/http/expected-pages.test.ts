import { expect } from 'chai';
import type { ResultsDocument } from '../../../server/evaluation/results-document.js';
import { readResults } from '../../../server/reports/context/read-results.js';
import { demoApp, type DemoApp } from '../demo-app.js';
import { unescapeHtml } from './visitor.js';

/** The body rows of the ranking table as their HTML. */
function rankingRows(html: string): string[] {
  const from = html.indexOf('id="ranking-table"');
  const body = /<tbody>[\s\S]*?<\/tbody>/.exec(html.slice(from))?.[0] ?? '';
  return [...body.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((m) => m[0]);
}

const text = (fragment: string): string =>
  unescapeHtml(fragment.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

const oneDecimal = (value: number): string => value.toFixed(1);

describe('score expected from structural conditions (demo city, 光谷区)', function () {
  this.timeout(180_000);
  let app: DemoApp;
  let doc: ResultsDocument;
  let base: string;
  let guanggu: string[];
  const latest = 2;

  before(async () => {
    app = await demoApp();
    base = `${app.url}/evaluations/${app.demo.id}`;
    doc = readResults(await app.store.evaluations.readResults(app.demo.id));
    guanggu = doc.units.filter((code) => code.startsWith('WY03S'));
  });
  after(async () => {
    await app.close();
  });

  const get = async (url: string): Promise<string> => {
    const response = await fetch(url, { headers: { cookie: app.admin.cookie } });
    expect(response.status, url).to.equal(200);
    return response.text();
  };
  const rowOf = (code: string, period = latest): number =>
    period * doc.units.length + doc.units.indexOf(code);

  it('stores a fit per period on the attributes every community carries, with differences summing to zero', () => {
    const section = doc.expected;
    expect(section?.attributes).to.deep.equal([
      'resident_population',
      'urban_rural',
      'area_km2',
      'households',
    ]);
    expect(section?.log).to.deep.equal(['resident_population', 'households']);
    expect(section?.fits.map((f) => f.period)).to.deep.equal(['2023', '2024', '2025']);
    for (const [t, fit] of (section?.fits ?? []).entries()) {
      const scored = doc.units.filter((_, u) => doc.scores[doc.root]?.[t * doc.units.length + u] != null);
      expect(fit.n).to.equal(scored.length);
      expect(fit.r2).to.be.within(0, 1);
      // With an intercept, OLS residuals sum to zero over the fitted units.
      const sum = scored.reduce((s, code) => s + (section?.difference[rowOf(code, t)] ?? Number.NaN), 0);
      expect(Math.abs(sum)).to.be.below(1e-6);
    }
  });

  it('stores for each 光谷区 community difference = score − expected', () => {
    expect(guanggu.length).to.be.above(100);
    for (const code of guanggu) {
      const row = rowOf(code);
      const score = doc.scores[doc.root]?.[row];
      if (score == null) continue;
      const expected = doc.expected?.expected[row] ?? Number.NaN;
      expect(doc.expected?.difference[row]).to.be.closeTo(score - expected, 1e-9);
    }
  });

  it('shows the expected score and the difference beside each 光谷区 community in the ranking', async () => {
    const html = await get(`${base}?level=community&district=WY03`);
    expect(html).to.include('与预期之差');
    const rows = rankingRows(html);
    expect(rows).to.have.length(50);
    for (const row of rows) {
      const code = /<code>([^<]+)<\/code>/.exec(row)?.[1] ?? '';
      expect(code.startsWith('WY03S'), code).to.equal(true);
      const r = rowOf(code);
      const difference = doc.expected?.difference[r] ?? Number.NaN;
      const expected = doc.expected?.expected[r] ?? Number.NaN;
      const cell = /<td class="expected[^"]*" title="([^"]*)">([^<]*)<\/td>/.exec(row);
      expect(cell, code).to.not.equal(null);
      expect(unescapeHtml(cell?.[1] ?? '')).to.equal(`按结构条件预期得分 ${oneDecimal(expected)}`);
      const word = difference >= 0.05 ? '高于预期 +' : difference <= -0.05 ? '低于预期 -' : '符合预期 ';
      expect(unescapeHtml(cell?.[2] ?? '')).to.equal(`${word}${oneDecimal(Math.abs(difference))}`);
    }
  });

  it('sorts the ranking by the difference, largest first', async () => {
    const rows = rankingRows(await get(`${base}?level=community&district=WY03&sort=expected`));
    const differences = rows.map(
      (row) => doc.expected?.difference[rowOf(/<code>([^<]+)<\/code>/.exec(row)?.[1] ?? '')],
    );
    const best = Math.max(
      ...guanggu.map((code) => doc.expected?.difference[rowOf(code)] ?? Number.NEGATIVE_INFINITY),
    );
    expect(differences[0]).to.equal(best);
    for (let i = 1; i < differences.length; i++)
      expect(differences[i] ?? 0).to.be.at.most(differences[i - 1] ?? 0);
  });

  it('says on a 光谷区 community’s page what its structure predicts and how far it is off', async () => {
    for (const code of guanggu.slice(0, 3)) {
      const r = rowOf(code);
      const expected = doc.expected?.expected[r] ?? Number.NaN;
      const difference = doc.expected?.difference[r] ?? Number.NaN;
      const html = await get(`${base}/units/${code}`);
      const sentence = text(/<p id="expected-score">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '');
      const direction = difference >= 0 ? '高' : '低';
      expect(sentence).to.equal(
        `按其结构条件预期得分 ${oneDecimal(expected)}，实际${direction} ${oneDecimal(Math.abs(difference))} 分。`,
      );
      const english = await get(`${base}/units/${code}?lang=en`);
      expect(text(/<p id="expected-score">([\s\S]*?)<\/p>/.exec(english)?.[1] ?? '')).to.match(
        /^Expected from its structural conditions: \d+\.\d; it scored \d+\.\d points (higher|lower)\.$/,
      );
    }
  });

  it('shows no expected score on a street’s page', async () => {
    expect(await get(`${base}/units/WY03S01`)).to.not.include('id="expected-score"');
  });

  it('documents the regression with its R² and coefficients on the methodology page', async () => {
    const html = await get(`${base}/methodology`);
    const fits = /<table id="expected-fits"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    const latestFit = doc.expected?.fits[latest];
    expect(text(fits)).to.include(`2025 ${latestFit?.n} ${latestFit?.r2?.toFixed(3)}`);
    const coefficients = text(/<table id="expected-coefficients"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '');
    expect(coefficients).to.include('ln(常住人口)');
    expect(coefficients).to.include('城镇（城镇 = 1，乡村 = 0）');
    const english = await get(`${base}/methodology?lang=en`);
    expect(english).to.include('Score expected from structural conditions');
    expect(text(english)).to.include('ln(resident population)');
  });
});
