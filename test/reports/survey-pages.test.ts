/**
 * The residents' survey on the pages of the demo evaluation: a unit page shows each survey
 * indicator's estimate with its interval and n, or "样本不足 / sample too small"; the methodology
 * page lists the survey indicators with their minimum sample; the import page takes a respondent
 * file and refuses a column no survey declares.
 */
import { expect } from 'chai';
import type { ResultsDocument } from '../../server/evaluation/results-document.js';
import { readResults } from '../../server/reports/context/read-results.js';
import { demoApp, importThroughPage, type DemoApp } from './demo-app.js';
import { unescapeHtml } from './http/visitor.js';

describe('the residents’ survey on the pages (demo city)', function () {
  this.timeout(120_000);
  let app: DemoApp;
  let doc: ResultsDocument;

  before(async () => {
    app = await demoApp();
    doc = readResults(await app.store.evaluations.readResults(app.demo.id));
  });
  after(async () => {
    await app.close();
  });

  const page = async (path: string, lang: 'zh' | 'en' = 'zh'): Promise<string> => {
    const response = await fetch(`${app.url}/evaluations/${app.demo.id}${path}`, {
      headers: { cookie: `${app.admin.cookie}; zhili_lang=${lang}` },
    });
    expect(response.status, path).to.equal(200);
    const html = await response.text();
    return unescapeHtml(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
  };
  const section = (text: string, from: string, to: string): string =>
    text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from)));
  const latest = 2;

  it('shows a district’s pooled share with its interval and n, in Chinese and English', async () => {
    const share = doc.surveys!.indicators.find((i) => i.id === 'satisfaction_share')!;
    const districts = share.levels.district!;
    const row = latest * districts.units.length + districts.units.indexOf('WY01');
    const percent = (v: number | null | undefined) => `${((v ?? Number.NaN) * 100).toFixed(1)}%`;
    const expected = `${percent(districts.estimate[row])}（${percent(districts.low[row])}–${percent(districts.high[row])}）`;
    const zh = section(await page('/units/WY01'), '居民问卷', '居民获得感');
    expect(zh).to.include('居民满意度（满意及以上占比）').and.include(expected);
    expect(zh).to.include(`n = ${districts.n[row]}`);
    const en = await page('/units/WY01', 'en');
    expect(en)
      .to.include('Residents’ survey')
      .and.include("Residents' satisfaction (share satisfied or very satisfied)");
    expect(en).to.include(
      `${percent(districts.estimate[row])} (${percent(districts.low[row])}–${percent(districts.high[row])})`,
    );
  });

  it('shows “样本不足 / sample too small” with n for a community below the minimum sample', async () => {
    const cells = doc.surveys!.indicators[0]!.levels.community!;
    const count = cells.units.length;
    const index = cells.units.findIndex(
      (_, u) => cells.missing[latest * count + u] === 'sample_too_small' && cells.n[latest * count + u]! > 0,
    );
    const code = cells.units[index]!;
    const n = cells.n[latest * count + index]!;
    expect(n).to.be.below(30);
    expect(await page(`/units/${code}`))
      .to.include('样本不足')
      .and.include(`n = ${n}`);
    expect(await page(`/units/${code}`, 'en')).to.include('Sample too small');
  });

  it('lists the survey indicators and their minimum sample on the methodology page', async () => {
    const text = await page('/methodology');
    const part = section(text, '居民问卷', '最少样本量');
    expect(part).to.include('Wilson').and.include('Kish');
    const rows = section(text, '最少样本量', '综合指数');
    expect(rows).to.include('居民满意度（平均分）').and.include('回答“4 满意”及以上的比例').and.include('30');
  });

  it('refuses a respondent file with a name column through the import page', async () => {
    const { html } = await importThroughPage(
      app.url,
      app.admin,
      { kind: 'responses', framework: 'default', period: '2025' },
      { name: 'survey.csv', text: 'unit_code,name,satisfaction\nWY01S01C00,王五,5\n' },
    );
    expect(html).to.include('发现错误，未导入任何数据').and.include('不接受个人信息');
  });
});
