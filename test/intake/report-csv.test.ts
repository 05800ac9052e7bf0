import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { neutralise, reportCsv } from '../../server/intake/report-csv.js';
import type { ValidationReport } from '../../server/store/models/validation-report.js';
import { HOSTILE_CELLS, expectInertCsv } from '../support/csv-injection.js';

const report: ValidationReport = {
  file: 'data.csv',
  sheet: null,
  rows: 3,
  errors: 2,
  warnings: 0,
  omitted: 0,
  issues: [
    {
      row: 2,
      column: { letter: 'C', header: 'households' },
      value: '=HYPERLINK("http://evil","x")',
      reason: 'formula_text',
      expected: 'an integer ≥ 0',
      severity: 'error',
    },
    {
      row: 3,
      column: { letter: 'A', header: 'unit_code' },
      value: '@SUM(1)',
      reason: 'unknown_unit',
      expected: 'a code',
      severity: 'error',
    },
  ],
};

describe('reportCsv', () => {
  it('starts with a byte-order mark and a bilingual header', () => {
    const text = reportCsv(report);
    expect(
      text.startsWith(
        '\uFEFF行 row,列 column,表头 header,值 value,问题 problem,期望 expected,级别 severity\r\n',
      ),
    ).to.equal(true);
  });

  it('writes one line per issue with formula-looking cells neutralised', () => {
    const [, ...lines] = parse(reportCsv(report).slice(1));
    expect(lines).to.deep.equal([
      [
        '2',
        'C',
        'households',
        '\'=HYPERLINK("http://evil","x")',
        '像公式的文本 text that looks like a formula',
        'an integer ≥ 0',
        '错误 error',
      ],
      ['3', 'A', 'unit_code', "'@SUM(1)", '单位代码不在名册中 unknown unit', 'a code', '错误 error'],
    ]);
  });

  it('neutralises every formula trigger and leaves other text alone', () => {
    expect(['=1', '+1', '-1', '@a', '\tx', '\rx', 'ok', '12'].map(neutralise)).to.deep.equal([
      "'=1",
      "'+1",
      "'-1",
      "'@a",
      "'\tx",
      "'\rx",
      'ok',
      '12',
    ]);
  });

  it('keeps a value with a lone CR or LF in one quoted cell, so it cannot start a row with a formula', () => {
    const issues = HOSTILE_CELLS.map((value, i) => ({ ...report.issues[0]!, row: i + 2, value }));
    const records = expectInertCsv(reportCsv({ ...report, issues }), 1 + HOSTILE_CELLS.length);
    expect(records.slice(1).map((record) => record[3])).to.deep.equal(HOSTILE_CELLS);
  });
});
