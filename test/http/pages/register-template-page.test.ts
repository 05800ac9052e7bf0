/**
 * The unit register template from the import page: the page links its CSV and XLSX forms, each
 * downloads the current register in the importer's columns, and uploading either through the same
 * page commits a batch of every unit without an error or warning and leaves the register as it was
 * (same codes, names, levels, parents and attributes). A viewer may not download it.
 */
import { expect } from 'chai';
import type { StoredUnit } from '../../../server/domain/unit.js';
import { demoApp, importThroughPage, type DemoApp } from '../../reports/demo-app.js';
import { seedUser } from '../../support/auth.js';
import { unescapeHtml, Visitor } from '../../reports/http/visitor.js';

/** The register without the batch bookkeeping, which a re-import changes by design. */
async function register(app: DemoApp): Promise<Omit<StoredUnit, 'batch' | 'sequence'>[]> {
  return (await app.store.units.list()).map(({ code, name, level, parent, attributes }) => ({
    code,
    name,
    level,
    parent,
    attributes,
  }));
}

describe('pages: the unit register template', function () {
  this.timeout(60_000);
  let app: DemoApp;
  let links: string[];

  before(async () => {
    app = await demoApp();
    const page = await new Visitor(app.url, app.admin.cookie).get('/import');
    const item = /<li id="register-template">([\s\S]*?)<\/li>/.exec(page.html)?.[1] ?? '';
    links = [...item.matchAll(/href="([^"]+)"/g)].map((m) => unescapeHtml(m[1]!));
  });

  after(async () => {
    await app.close();
  });

  async function download(format: string): Promise<Response> {
    const href = links.find((link) => link.endsWith(`format=${format}`));
    expect(href, `a ${format} link on /import`).to.be.a('string');
    return fetch(new URL(href!, app.url), { headers: { cookie: app.admin.cookie } });
  }

  it('links the CSV and XLSX forms beside the data templates on /import', () => {
    expect(links).to.deep.equal(['/api/v1/unit-template?format=csv', '/api/v1/unit-template?format=xlsx']);
  });

  for (const [format, type] of [
    ['csv', 'text/csv'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ] as const) {
    it(`downloads the register as ${format} and imports it back unchanged, with no error or warning`, async () => {
      const before = await register(app);
      const answer = await download(format);
      expect(answer.status).to.equal(200);
      expect(answer.headers.get('content-type')).to.match(new RegExp(`^${type}`));
      expect(answer.headers.get('content-disposition')).to.include(`zhili-unit-register.${format}`);
      const bytes = Buffer.from(await answer.arrayBuffer());
      if (format === 'csv') {
        const lines = bytes.toString('utf8').split('\r\n');
        expect(lines[0]).to.match(/^\uFEFFcode｜单位代码,name_zh｜中文名称,name_en｜英文名称,level｜层级,/);
        // The city comes first, as the demo city defines it.
        expect(lines[1]).to.match(/^WY,梧阳市,/);
        expect(lines.filter((line) => line !== '')).to.have.length(before.length + 1);
      }
      const { reportUrl } = await importThroughPage(
        app.url,
        app.admin,
        { kind: 'units' },
        { name: `register.${format}`, text: bytes },
      );
      expect(reportUrl).to.include('outcome=committed');
      const batch = (await app.store.imports.list({ status: 'committed', limit: 1 }))[0]!;
      expect([batch.kind, batch.fileName]).to.deep.equal(['units', `register.${format}`]);
      expect(batch.counts).to.include({ rows: before.length, errors: 0, warnings: 0 });
      const units = await app.store.units.list();
      expect(units.every((unit) => unit.batch === batch.id)).to.equal(true);
      expect(await register(app)).to.deep.equal(before);
    });
  }

  it('refuses a viewer (403): the template is for whoever imports the register', async () => {
    const viewer = await seedUser(app.store, 'viewer');
    const answer = await fetch(`${app.url}/api/v1/unit-template?format=csv`, { headers: viewer.headers });
    expect(answer.status).to.equal(403);
  });

  it('refuses a format other than csv or xlsx, naming the parameter', async () => {
    const answer = await fetch(`${app.url}/api/v1/unit-template?format=ods`, {
      headers: app.admin.headers,
    });
    expect(answer.status).to.equal(400);
    expect(await answer.text()).to.include('query.format');
  });
});
