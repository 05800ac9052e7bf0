import { expect } from 'chai';
import { runEvaluation } from '../../server/evaluation/run-evaluation.js';
import { importRecords } from '../../server/store/import-records.js';
import { demoApp, importThroughPage, type DemoApp } from './demo-app.js';
import { unescapeHtml } from './http/visitor.js';

const SCRIPT_NAME = '<script>alert(1)</script>';

describe('report pages over HTTP (demo city)', function () {
  this.timeout(120_000);
  let app: DemoApp;
  let base: string;

  before(async () => {
    app = await demoApp();
    base = `${app.url}/evaluations/${app.demo.id}`;
  });
  after(async () => {
    await app.close();
  });

  /** A GET as the demo's logged-in admin (plus any headers the test adds). */
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(path.startsWith('http') ? path : `${app.url}${path}`, {
      headers: { cookie: app.admin.cookie, ...headers },
    });
    return { response, text: await response.text() };
  };

  it('lists the demo evaluation', async () => {
    const { text } = await get('/evaluations');
    expect(text).to.include('梧阳市基层治理现代化评估（示例数据）');
  });

  it('answers in Chinese by default', async () => {
    const { text } = await get(base);
    expect(text).to.include('<html lang="zh-CN">').and.include('各区排名');
  });

  it('switches to English with ?lang=en and remembers it in a cookie', async () => {
    const { response, text } = await get(`${base}?lang=en`);
    expect(text).to.include('<html lang="en-GB">').and.include('Districts’ league table');
    expect(response.headers.get('set-cookie')).to.match(
      /^zhili_lang=en; Path=\/; Max-Age=31536000; SameSite=Lax/,
    );
  });

  it('keeps English for a reader with the cookie', async () => {
    const { text } = await get(`${base}/methodology`, { cookie: `${app.admin.cookie}; zhili_lang=en` });
    expect(text).to.include('Methodology appendix');
  });

  it('keeps the strict Content-Security-Policy on pages', async () => {
    const { response } = await get(base);
    expect(response.headers.get('content-security-policy'))
      .to.include("script-src 'self'")
      .and.include("style-src 'self'");
  });

  it('has no inline script, style attribute or event handler on any page', async () => {
    const pages = [
      '/evaluations',
      base,
      `${base}/units/WY01`,
      `${base}/units/WY01S01C00`,
      `${base}/compare?units=WY01,WY02`,
      `${base}/methodology`,
      '/indicators',
      '/import',
      '/',
      '/account',
      '/admin/users',
      `/admin/users/${app.admin.user.id}`,
      '/admin/audit',
    ];
    for (const page of pages) {
      const { text } = await get(page);
      const scripts = [...text.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '');
      const inline = scripts.filter(
        (attributes) => !/\bsrc=/.test(attributes) && !attributes.includes('type="application/json"'),
      );
      expect(inline, page).to.deep.equal([]);
      expect(text, page).not.to.match(/\sstyle=|\son[a-z]+=/i);
    }
  });

  it('gives a community its rank interval from the demo’s Monte Carlo analysis', async () => {
    const { text } = await get(`${base}/units/WY01S01C00?lang=en`);
    expect(text).to.match(/Ranks \d+–\d+ in 90% of plausible methods \(median rank \d+, 200 runs\)/);
  });

  it('shows a district’s yes/no indicators as the share of residents, not as a code', async () => {
    const { text } = await get(`${base}/units/WY01`);
    const table = /<table id="indicator-table">[\s\S]*?<\/table>/.exec(text)?.[0] ?? '';
    expect(table).to.match(/<td class="num">\d+\.\d%<\/td><td>的居民所在社区（村）已有<\/td>/);
    expect(table).not.to.include('是=1，否=0');
  });

  it('says behind or ahead of which peer group’s median the weakest dimension is', async () => {
    const { text } = await get(`${base}/units/WY01S01C00?lang=en`);
    expect(text).to.match(
      /<p id="weakest">The weakest dimension is “[^”]+”: [\d.]+, [\d.]+ points (behind|ahead of) the median of its peer group \([^)]+\), [\d.]+\.<\/p>/,
    );
  });

  it('says what to do rather than a signed change in the improvements', async () => {
    const { text } = await get(`${base}/units/WY01S01C00`);
    const table = /<table id="improvements">[\s\S]*?<\/table>/.exec(text)?.[0] ?? '';
    const cells = [...table.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1] ?? '');
    expect(cells.filter((cell) => /^(提高|减少|提高到|降低到|需要建立)/.test(cell))).to.not.be.empty;
    expect(table).not.to.match(/<td class="num">[+-]\d[^<]*(项|天|%|份)/);
  });

  it('puts the legend of lights and arrows, with the thresholds rule, on the unit report', async () => {
    const { text } = await get(`${base}/units/WY01S01C00`);
    const legend = /<div class="light-legend" id="light-legend">[\s\S]*?<\/div>/.exec(text)?.[0] ?? '';
    for (const light of ['✓</span>达标', '◔</span>仍有差距', '◑</span>差距较大', '✕</span>差距很大'])
      expect(legend).to.include(light);
    expect(legend).to.include('三个分界值');
    expect(unescapeHtml(legend)).to.include('href="/indicators?framework=default"');
  });

  it('explains a far-off light beside an on-track arrow where the page shows one', async () => {
    const { text } = await get(`${base}/units/WY01S01C00`);
    const rows = [...text.matchAll(/<tr>[\s\S]*?<\/tr>/g)].map((m) => m[0]);
    const odd = rows.filter(
      (row) => /data-light="(red|orange)"/.test(row) && row.includes('data-trend="on_track"'),
    );
    expect(odd).to.not.be.empty;
    for (const row of odd) expect(row).to.include('差距仍大，但按目前速度可按期达标');
  });

  it('sorts the ranking by a query parameter', async () => {
    const { text } = await get(`${base}?sort=name&dir=asc&level=district`);
    expect(text).to.include('aria-sort="ascending"');
  });

  it('refuses an unknown sort key', async () => {
    const { response } = await get(`${base}?sort=nonsense`);
    expect(response.status).to.equal(400);
  });

  it('answers 404 for a unit outside the evaluation', async () => {
    const { response } = await get(`${base}/units/NOPE`);
    expect(response.status).to.equal(404);
  });

  it('answers 404 for a period outside the evaluation', async () => {
    const { response } = await get(`${base}?period=1999`);
    expect(response.status).to.equal(404);
  });

  it('exports the ranking as CSV with a byte-order mark and the page’s filters', async () => {
    const response = await fetch(`${base}?district=WY03&format=csv&table=ranking`, {
      headers: { cookie: app.admin.cookie },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get('content-type')).to.include('text/csv');
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const rows = bytes.subarray(3).toString('utf8').trim().split('\n');
    expect(rows[0]).to.match(/^排名,代码,单位,所属区/);
    expect(rows.slice(1).every((row) => row.includes(',WY03,'))).to.equal(true);
  });

  it('exports a unit’s indicator table as JSON with stable keys', async () => {
    const { text } = await get(`${base}/units/WY01S01C00?format=json&table=indicators`);
    const records = JSON.parse(text) as Record<string, unknown>[];
    expect(records).to.have.length(33);
    expect(Object.keys(records[0] ?? {})).to.include.members([
      'indicator',
      'raw',
      'normalised',
      'light',
      'trend',
    ]);
  });

  it('exports a table as XLSX', async () => {
    const response = await fetch(`${base}?format=xlsx&table=districts`, {
      headers: { cookie: app.admin.cookie },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get('content-type')).to.include('spreadsheetml');
    // An XLSX file is a zip archive: it starts with "PK".
    expect(bytes.subarray(0, 2).toString('latin1')).to.equal('PK');
  });

  it('imports a unit register through the form and shows the outcome', async () => {
    const csv = `code,name_zh,name_en,level,parent,urban_rural,resident_population,peer_group\nWY01S01X1,${SCRIPT_NAME},${SCRIPT_NAME},community,WY01S01,urban,5000,urban_small\n`;
    const { html } = await importThroughPage(
      app.url,
      app.admin,
      { kind: 'units' },
      { name: 'units.csv', text: csv },
    );
    expect(html).to.include('导入成功');
  });

  it('shows the rows and columns of a failed import', async () => {
    const csv = 'unit_code,households,grid_workers\nWY01S01C00,-5,3\n';
    const { html } = await importThroughPage(
      app.url,
      app.admin,
      { kind: 'observations', framework: 'default', period: '2025' },
      { name: 'bad.csv', text: csv },
    );
    expect(html).to.include('发现错误，未导入任何数据').and.include('B · households');
  });

  it('shows a unit name holding markup as text', async () => {
    const evaluation = await runEvaluation(app.store, app.deps.registry, {
      frameworkId: 'default',
      periods: ['2025'],
      actor: 'test',
    });
    const { text } = await get(`/evaluations/${evaluation.id}/units/WY01S01X1`);
    expect(text).to.include('&lt;script&gt;alert(1)&lt;/script&gt;').and.not.include(SCRIPT_NAME);
  });

  it('neutralises a name that a spreadsheet would run as a formula', async () => {
    await importRecords(
      app.store,
      { kind: 'units', actor: 'test', fileName: 'f.json', sha256: 'f'.repeat(64), period: null, periods: [] },
      [
        {
          code: 'WY01S01X2',
          name: { zh: '=1+1', en: '@SUM(A1)' },
          level: 'community',
          parent: 'WY01S01',
          attributes: { resident_population: 100, peer_group: 'urban_small' },
        },
      ],
      { tally: { rows: 1, errors: 0, warnings: 0 } },
    );
    const evaluation = await runEvaluation(app.store, app.deps.registry, {
      frameworkId: 'default',
      periods: ['2025'],
      actor: 'test',
    });
    const { text } = await get(`/evaluations/${evaluation.id}?q=WY01S01X2&format=csv&table=ranking`);
    expect(text).to.include(",WY01S01X2,'=1+1,");
  });
});
