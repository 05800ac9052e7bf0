/**
 * The prefilled-template form on the catalogue and import pages, and its download: the districts
 * and streets to choose from, the last period's values box, and the file it sends.
 */
import { expect } from 'chai';
import { demoApp, type DemoApp } from '../demo-app.js';
import { languageLeaks } from '../page-language.js';
import { formsOf, unescapeHtml } from './visitor.js';

describe('prefilled data template form (pages)', function () {
  this.timeout(120_000);
  let app: DemoApp;

  before(async () => {
    app = await demoApp();
  });
  after(async () => {
    await app.close();
  });

  const get = async (path: string) => {
    const response = await fetch(`${app.url}${path}`, { headers: { cookie: app.admin.cookie } });
    return { response, text: await response.text() };
  };

  for (const page of ['/indicators', '/import']) {
    it(`offers the form on ${page}: framework, districts and streets, last period's values, format`, async () => {
      const { text } = await get(page);
      const form = formsOf(text).find((f) => f.action === '/indicators/template');
      expect(form, 'the template form').to.not.equal(undefined);
      expect(Object.keys(form!.fields).sort()).to.deep.equal([
        'format',
        'framework',
        'period',
        'under',
        'values',
      ]);
      const latest = app.demo.periods[app.demo.periods.length - 1]!;
      expect(form!.fields.values).to.equal(latest);
      const html = unescapeHtml(text);
      expect(html).to.include('<option value="WY01">').and.include('<option value="WY01S01">');
      expect(html).to.include(`填入上期（${latest}）的数值`);
    });
  }

  for (const lang of ['zh', 'en'] as const) {
    it(`keeps the catalogue and import pages, with the form, in ${lang} only`, async () => {
      const units = await app.store.units.list({});
      const users = await app.store.users.list();
      const data = [
        ...units.flatMap((unit) => [unit.name.zh, unit.name.en]),
        ...users.map((u) => u.displayName),
        '治理 Zhili',
        'Zhili 治理',
        '治理',
      ];
      const codes = new Set([...app.deps.registry.indicators.keys(), ...app.deps.registry.dimensions.keys()]);
      for (const page of ['/indicators', '/import']) {
        const { text } = await get(`${page}?lang=${lang}`);
        expect(languageLeaks(lang, text, data, codes), page).to.deep.equal([]);
      }
    });
  }

  it('speaks English with ?lang=en', async () => {
    const { text } = await get('/indicators?lang=en');
    expect(unescapeHtml(text))
      .to.include('A prefilled data template')
      .and.include("Fill in the last period's");
  });

  it('sends the CSV of the communities under a street with their stored values', async () => {
    const latest = app.demo.periods[app.demo.periods.length - 1]!;
    const { response, text } = await get(
      `/indicators/template?framework=default&under=WY01S01&values=${latest}&period=&format=csv`,
    );
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-disposition')).to.include(
      `zhili-template-default-WY01S01-${latest}.csv`,
    );
    const communities = (await app.store.units.list({ parent: 'WY01S01' })).map((u) => u.code).sort();
    const rows = text.replace('\uFEFF', '').trim().split('\r\n').slice(1);
    expect(rows.map((r) => r.split(',')[0])).to.deep.equal(communities);
    expect(rows.every((r) => r.split(',')[1] === latest)).to.equal(true);
    const stored = await app.store.observations.current({ period: latest, units: [communities[0]!] });
    const header = text.replace('\uFEFF', '').split('\r\n')[0]!.split(',');
    const [variable, value] = Object.entries(stored[0]!.values)[0]!;
    const column = header.findIndex((h) => h.startsWith(`${variable}｜`));
    expect(Number(rows[0]!.split(',')[column])).to.equal(value);
  });

  it('names a bad period in the page language', async () => {
    const { response, text } = await get('/indicators/template?framework=default&under=WY01S01&values=last');
    expect(response.status).to.equal(400);
    expect(unescapeHtml(text)).to.include('values 应为时期');
  });
});
