/**
 * The pages after a publication moved the default framework from 1.0.1 to 1.1.0: /indicators lists
 * the catalogue's versions with what each changed (and exports them), the new-version form offers
 * the framework's versions starting from the previous version's, and the new-evaluation form from
 * the newest.
 */
import { expect } from 'chai';
import { publishDefinitions } from '../../../server/services/publish-definitions.js';
import { createServices } from '../../../server/services/services.js';
import { demoApp, type DemoApp } from '../../reports/demo-app.js';

const FRAMEWORK = 'frameworks/default.json';

/** The options of the select named `name`: [value, selected]. */
function options(html: string, name: string): [string, boolean][] {
  const select = new RegExp(`<select name="${name}">([\\s\\S]*?)</select>`).exec(html)?.[1] ?? '';
  return [...select.matchAll(/<option value="([^"]*)"( selected)?>/g)].map((m) => [
    m[1] ?? '',
    m[2] !== undefined,
  ]);
}

describe('catalogue versions on the pages', function () {
  this.timeout(120_000);
  let app: DemoApp;

  before(async () => {
    app = await demoApp();
    const services = createServices(app.store, app.deps.catalogue);
    const text = services.catalogue.latest().files.find((f) => f.file === FRAMEWORK)?.text ?? '';
    await publishDefinitions(
      services,
      { name: 'li', role: 'researcher', userId: null },
      {
        basedOn: 1,
        reason: { zh: '默认框架升级', en: 'default framework revised' },
        changes: [{ file: FRAMEWORK, text: text.replace('"version": "1.0.1"', '"version": "1.1.0"') }],
      },
    );
  });
  after(async () => {
    await app.close();
  });

  async function page(path: string): Promise<string> {
    const response = await fetch(`${app.url}${path}`, { headers: { cookie: app.admin.cookie } });
    expect(response.status, path).to.equal(200);
    return response.text();
  }

  it('lists the catalogue versions with what each changed, in both languages', async () => {
    const zh = await page('/indicators');
    expect(zh).to.include('目录版本历史').and.include('默认框架升级').and.include('应用内发布');
    expect(zh).to.include('修改 框架 default 1.0.1 → 1.1.0 (frameworks/default.json)');
    const en = await page('/indicators?lang=en');
    expect(en).to.include('Catalogue version history').and.include('default framework revised');
    expect(en).to.include('changed framework default 1.0.1 → 1.1.0 (frameworks/default.json)');
    expect(en).to.include('seed folder').and.include('Current version: 2');
    expect(en).to.match(/<section id="history"[\s\S]*<div class="table-wrap">/);
  });

  it('exports the history, one row per change', async () => {
    const response = await fetch(`${app.url}/indicators?format=json&table=history`, {
      headers: { cookie: app.admin.cookie },
    });
    expect(response.status).to.equal(200);
    const rows = (await response.json()) as Record<string, unknown>[];
    const latest = rows.filter((r) => r.version === 2);
    expect(latest).to.deep.equal([
      {
        version: 2,
        createdAt: latest[0]?.createdAt,
        actor: 'li',
        origin: 'app',
        reason: '默认框架升级',
        file: FRAMEWORK,
        change: 'changed',
        kind: 'framework',
        id: 'default',
        from: '1.0.1',
        to: '1.1.0',
      },
    ]);
    expect(rows.filter((r) => r.version === 1)).to.have.length(100);
  });

  it('starts a new version from the previous version’s framework version, offering the newer one', async () => {
    const html = await page(`/evaluations/${app.demo.id}/versions/new`);
    expect(options(html, 'frameworkVersion')).to.deep.equal([
      ['1.1.0', false],
      ['1.0.1', true],
    ]);
  });

  it('starts a new evaluation from the newest framework version', async () => {
    const html = await page('/evaluations/new?framework=default');
    expect(options(html, 'frameworkVersion')).to.deep.equal([
      ['1.1.0', true],
      ['1.0.1', false],
    ]);
  });
});
