/**
 * The printed title block of a report: what it is about, the evaluation, its version and status,
 * and the print date, in the page's language.
 */
import { expect } from 'chai';
import { printDayKey, printTitle, unitSubject } from '../../../server/reports/views/print-title.js';

const published = {
  label: { zh: '梧阳市 2025 年评估', en: 'Wuyang 2025 evaluation' },
  framework: { id: 'default' },
  periods: ['2025'],
  version: 2,
  status: 'published' as const,
  publishedAt: '2025-03-31T23:30:00.000Z',
};

describe('printTitle', () => {
  it('names the unit, the evaluation, its version and publication day, and the print day in Chinese', () => {
    const title = printTitle(
      published,
      'zh',
      new Date('2025-06-03T09:00:00Z'),
      unitSubject('光谷区', 'WY03', 'zh'),
    );
    expect(title.rows).to.deep.equal([
      { label: '报告对象', value: '光谷区（WY03）' },
      { label: '评估', value: '梧阳市 2025 年评估' },
      { label: '版本', value: '第 2 版 · 已发布（2025年3月31日）' },
      { label: '打印日期', value: '2025年6月3日' },
    ]);
  });

  it('says the same in English, dates written out with the month’s name', () => {
    const title = printTitle(
      published,
      'en',
      new Date('2025-06-03T09:00:00Z'),
      unitSubject('Guanggu', 'WY03', 'en'),
    );
    expect(title.rows).to.deep.equal([
      { label: 'Report on', value: 'Guanggu (WY03)' },
      { label: 'Evaluation', value: 'Wuyang 2025 evaluation' },
      { label: 'Version', value: 'Version 2 · Published (31 March 2025)' },
      { label: 'Printed on', value: '3 June 2025' },
    ]);
  });

  it('leaves out the subject for a report on the whole evaluation and calls a draft a draft', () => {
    const draft = { ...published, version: 1, status: 'draft' as const, publishedAt: null, label: null };
    const title = printTitle(draft, 'zh', new Date('2025-06-03T09:00:00Z'), null);
    expect(title.rows).to.deep.equal([
      { label: '评估', value: 'default 2025' },
      { label: '版本', value: '第 1 版 · 草稿' },
      { label: '打印日期', value: '2025年6月3日' },
    ]);
  });

  it('dates the print by the UTC day, as the page’s validator does', () => {
    const late = new Date('2025-06-03T23:59:00Z');
    expect(printTitle(published, 'en', late, null).rows.at(-1)?.value).to.equal('3 June 2025');
    expect(printDayKey(late)).to.equal('2025-06-03');
    expect(printDayKey(new Date('2025-06-04T00:00:00Z'))).to.equal('2025-06-04');
  });
});
