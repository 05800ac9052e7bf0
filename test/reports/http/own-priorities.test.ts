/**
 * An official's own priorities over HTTP on the demo city: the evaluation page's form re-ranks the
 * communities (without a script, by submitting the form), the page's JSON answer does the same for
 * the script, a scoped viewer sees only their units ranked among all, bad ratings are refused naming
 * the field, and the stored evaluation and its results are byte for byte the same after many
 * re-rankings.
 */
import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { demoApp, type DemoApp } from '../demo-app.js';
import { unescapeHtml, Visitor } from './visitor.js';

interface Row {
  readonly ownRank: string;
  readonly publishedRank: string;
  readonly shift: string;
  readonly code: string;
  readonly ownScore: string;
}

interface Answer {
  readonly rho: string;
  readonly scoped: string | null;
  readonly rows: readonly Row[];
}

/** The rows of the page's priorities table: own rank, published rank, shift, unit code. */
function tableRows(html: string): { own: string; published: string; shift: string; code: string }[] {
  const table = /<table id="priorities-table"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  return [
    ...table.matchAll(
      /<tr data-code="([^"]+)"><td>([^<]*)<\/td><td>([^<]*)<\/td><td><span class="change change-\w+">([^<]*)<\/span>/g,
    ),
  ].map((m) => ({ code: m[1]!, own: m[2]!, published: m[3]!, shift: m[4]! }));
}

describe('pages: my priorities re-rank the units', function () {
  this.timeout(120_000);
  let app: DemoApp;
  let official: SeededUser;
  let path: string;
  /** The stored 2025 ranks of the demo's communities, by code, for each dimension and the index. */
  let storedRanks: (node: string) => Map<string, number>;

  before(async () => {
    app = await demoApp();
    official = await seedUser(app.store, 'viewer', { unitScope: ['WY03'] });
    path = `/evaluations/${app.demo.id}`;
    const results = (await app.store.evaluations.readResults(app.demo.id)) as {
      units: string[];
      periods: string[];
      ranks: Record<string, number[]>;
    };
    const period = results.periods.indexOf('2025');
    const count = results.units.length;
    storedRanks = (node) =>
      new Map(results.units.map((code, i) => [code, results.ranks[node]![period * count + i]!]));
  });

  after(async () => {
    await app.close();
  });

  async function answer(user: Pick<SeededUser, 'cookie'>, query: string) {
    const response = await fetch(`${app.url}${path}/priorities?${query}`, {
      headers: { cookie: user.cookie, accept: 'application/json' },
    });
    return { status: response.status, text: await response.text() };
  }

  it('offers a 0–5 rating per dimension starting at the published weights, and no re-ranking yet', async () => {
    const page = await new Visitor(app.url, app.admin.cookie).get(path);
    expect(page.status).to.equal(200);
    const html = unescapeHtml(page.html);
    expect(html).to.include('<h2 id="my-priorities-title">我的侧重 · 2025</h2>');
    // Published weights 25, 25, 20, 15, 15 % → 5, 5, 4, 3, 3 (the heaviest at 5).
    const selected = [
      ...html.matchAll(/<select name="(w\.\w+)">[\s\S]*?<option value="(\d)" selected>/g),
    ].map((m) => `${m[1]}=${m[2]}`);
    expect(selected).to.deep.equal([
      'w.coverage=5',
      'w.responsiveness=5',
      'w.autonomy=4',
      'w.intelligence=3',
      'w.institutionalization=3',
    ]);
    expect(html).to.include('<label>覆盖性（已发布权重 25.0%）');
    expect(tableRows(page.html)).to.deep.equal([]);
  });

  it('re-ranks by the submitted form: rating one dimension alone ranks as that dimension was ranked', async () => {
    const visitor = new Visitor(app.url, app.admin.cookie);
    const query =
      'period=2025&w.coverage=0&w.responsiveness=0&w.autonomy=5&w.intelligence=0&w.institutionalization=0';
    const page = await visitor.get(`${path}?${query}`);
    expect(page.status).to.equal(200);
    const rows = tableRows(page.html);
    expect(rows).to.have.length(50);
    // With autonomy alone the index is the autonomy score, so the own rank is autonomy's stored rank.
    const autonomy = storedRanks('autonomy');
    const index = storedRanks('index');
    for (const row of rows) {
      expect(Number(row.own), row.code).to.equal(autonomy.get(row.code));
      expect(Number(row.published), row.code).to.equal(index.get(row.code));
      const shift = index.get(row.code)! - autonomy.get(row.code)!;
      expect(row.shift, row.code).to.equal(shift > 0 ? `+${shift}` : shift < 0 ? `−${-shift}` : '0');
    }
    expect(rows[0]!.own).to.equal('1');
    const html = unescapeHtml(page.html);
    // ρ is taken over the communities ranked both ways: ranked in the index and by autonomy.
    const both = [...index].filter(([code, rank]) => rank > 0 && autonomy.get(code)! > 0).length;
    expect(both).to.be.above(900);
    expect(html).to.match(
      new RegExp(`按您的侧重，排名与发布结果的相关 ρ = 0\\.\\d\\d（斯皮尔曼等级相关，${both} 个单位）。`),
    );
    // The form keeps the ratings submitted.
    expect(html).to.match(/<select name="w\.autonomy">[\s\S]*?<option value="5" selected>/);
    expect(html).to.match(/<select name="w\.coverage">\s*<option value="0" selected>/);
  });

  it('gives ρ = 1 and no shift at ratings in proportion to the published weights', async () => {
    const { status, text } = await answer(
      app.admin,
      'w.coverage=5&w.responsiveness=5&w.autonomy=4&w.intelligence=3&w.institutionalization=3',
    );
    expect(status).to.equal(200);
    const body = JSON.parse(text) as Answer;
    expect(body.rho).to.equal('按您的侧重，排名与发布结果的相关 ρ = 1.00（斯皮尔曼等级相关，997 个单位）。');
    for (const row of body.rows) expect(row.ownRank).to.equal(row.publishedRank);
  });

  it('answers the JSON the page’s script reads, in the page’s language', async () => {
    const { status, text } = await answer(app.admin, 'w.autonomy=5&w.coverage=0&lang=en');
    expect(status).to.equal(200);
    const body = JSON.parse(text) as Answer;
    expect(body.rho).to.match(
      /^By your priorities, the ranking correlates with the published one at ρ = 0\.\d\d/,
    );
    expect(body.rows).to.have.length(50);
    expect(body.scoped).to.equal(null);
  });

  it('shows a scoped viewer only their units, ranked among all units, with ρ over theirs', async () => {
    const query = 'w.coverage=0&w.responsiveness=0&w.autonomy=5&w.intelligence=0&w.institutionalization=0';
    const { status, text } = await answer(official, query);
    expect(status).to.equal(200);
    const body = JSON.parse(text) as Answer;
    const theirs = (await app.store.units.list({ level: 'community' })).filter((u) =>
      u.code.startsWith('WY03'),
    );
    expect(body.rows.length).to.equal(Math.min(50, theirs.length));
    const autonomy = storedRanks('autonomy');
    for (const row of body.rows) {
      expect(row.code.startsWith('WY03'), row.code).to.equal(true);
      // Among all communities: the stored autonomy rank, not a rank among WY03's alone.
      expect(Number(row.ownRank.replace(/,/g, '')), row.code).to.equal(autonomy.get(row.code));
    }
    expect(body.rows.some((row) => Number(row.ownRank) > theirs.length)).to.equal(true);
    expect(body.scoped).to.equal(
      '名次为在全部 1,000 个单位中的名次；只列出您可查看的单位，ρ 也只就这些单位计算。',
    );
    const scopedCount = theirs.filter(
      (u) => storedRanks('index').get(u.code)! > 0 && autonomy.get(u.code)! > 0,
    ).length;
    expect(body.rho).to.include(`${scopedCount} 个单位`);
    const page = await new Visitor(app.url, official.cookie).get(`${path}?${query}`);
    expect(tableRows(page.html).every((row) => row.code.startsWith('WY03'))).to.equal(true);
  });

  it('refuses every rating at zero, and a rating outside 0–5, naming the field', async () => {
    const zero = await answer(
      app.admin,
      'w.coverage=0&w.responsiveness=0&w.autonomy=0&w.intelligence=0&w.institutionalization=0',
    );
    expect(zero.status).to.equal(400);
    expect(unescapeHtml(zero.text)).to.include('至少给一个维度大于 0 的侧重评分，否则无从排名');
    const seven = await new Visitor(app.url, app.admin.cookie).get(`${path}?w.autonomy=7`);
    expect(seven.status).to.equal(400);
    expect(unescapeHtml(seven.html)).to.include('<code>w.autonomy</code>');
    expect(unescapeHtml(seven.html)).to.include('须为 0 到 5 的整数，实为 "7"');
    const unknown = await answer(app.admin, 'w.happiness=3');
    expect(unknown.status).to.equal(400);
    expect(unescapeHtml(unknown.text)).to.include('<code>w.happiness</code>');
  });

  it('leaves the stored evaluation and its results byte for byte unchanged after many re-rankings', async () => {
    const record = async () => JSON.stringify(await app.store.evaluations.get(app.demo.id));
    const results = async () =>
      createHash('sha256')
        .update(JSON.stringify(await app.store.evaluations.readResults(app.demo.id)))
        .digest('hex');
    const before = { record: await record(), results: await results() };
    const auditBefore = (await app.store.audit.list({ limit: 10_000 })).length;
    const visitor = new Visitor(app.url, app.admin.cookie);
    for (let i = 0; i < 30; i++) {
      const ratings = `w.coverage=${i % 6}&w.autonomy=${(i * 7) % 6}&w.intelligence=${(i + 2) % 6}`;
      const json = await answer(i % 2 === 0 ? app.admin : official, ratings);
      expect(json.status).to.equal(200);
      const page = await visitor.get(`${path}?${ratings}&period=${['2023', '2024', '2025'][i % 3]}`);
      expect(page.status).to.equal(200);
    }
    expect(await record()).to.equal(before.record);
    expect(await results()).to.equal(before.results);
    const stored = await app.store.evaluations.get(app.demo.id);
    expect(stored?.results?.sha256).to.equal(
      (JSON.parse(before.record) as { results: { sha256: string } }).results.sha256,
    );
    // A read: no audit event either.
    expect((await app.store.audit.list({ limit: 10_000 })).length).to.equal(auditBefore);
  });
});
