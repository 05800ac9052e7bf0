import { expect } from 'chai';
import { readTable } from '../../server/intake/read-table.js';
import { checkObservations } from '../../server/intake/validate-observations.js';
import { testVariables } from './variables.js';

async function check(csv: string, period: string | null = '2025') {
  const table = await readTable({ fileName: 'data.csv', bytes: Buffer.from(csv, 'utf8') });
  return checkObservations({ table, variables: testVariables, knownUnits: new Set(['A', 'B']), period });
}

describe('checkObservations', () => {
  it('lists every bad cell by row, column, value and reason', async () => {
    const csv = [
      'unit_code｜单位代码,period｜时期,households｜常住户数（户）,grid_workers,备注,share',
      'A,2025,300,2,ok,50.5',
      'B,2025,-3,1,,101',
      'C,2025,=1+2,x,,',
      'A,2025,10,1,,',
      ',2025,1,1,,',
      'A,2024,5,1.5,,',
    ].join('\r\n');
    const { rows, report } = await check(csv);
    expect(
      report.issues.map((i) => [i.row, i.column?.letter ?? null, i.value, i.reason, i.severity]),
    ).to.deep.equal([
      [1, 'E', '备注', 'unknown_column', 'warning'],
      [3, 'C', '-3', 'negative_count', 'error'],
      [3, 'F', '101', 'above_maximum', 'error'],
      [4, 'A', 'C', 'unknown_unit', 'error'],
      [4, 'C', '=1+2', 'formula_text', 'error'],
      [4, 'D', 'x', 'not_a_number', 'error'],
      [5, 'A', 'A', 'duplicate_row', 'error'],
      [6, 'A', '', 'missing_key', 'error'],
      [7, 'B', '2024', 'period_mismatch', 'error'],
      [7, 'D', '1.5', 'not_an_integer', 'error'],
    ]);
    expect(report).to.deep.include({ file: 'data.csv', rows: 6, errors: 9, warnings: 1, omitted: 0 });
    expect(report.issues[1]?.expected).to.equal('an integer ≥ 0');
    expect(report.issues[1]?.column?.header).to.equal('households｜常住户数（户）');
    expect(rows).to.deep.equal([
      { unit: 'A', period: '2025', values: { households: 300, grid_workers: 2, share: 50.5 } },
    ]);
  });

  it('takes each row’s period from the file when no period is declared', async () => {
    const { rows, periods, report } = await check(
      'unit_code,时期,常住户数\nA,2024,1\nA,2025年,2\nB,2025Q1,3\n',
      null,
    );
    expect(report.errors).to.equal(0);
    expect(rows.map((r) => [r.unit, r.period, r.values.households])).to.deep.equal([
      ['A', '2024', 1],
      ['A', '2025', 2],
      ['B', '2025Q1', 3],
    ]);
    expect(periods).to.deep.equal(['2024', '2025', '2025Q1']);
  });

  it('keeps an empty cell missing and skips empty rows without counting them', async () => {
    const { rows, report } = await check('unit_code,households,share\nA,,7\n,,\nB,4,\n');
    expect(rows.map((r) => r.values)).to.deep.equal([{ share: 7 }, { households: 4 }]);
    expect(report.rows).to.equal(2);
  });

  it('reports a missing unit column and a missing period on the header row', async () => {
    const { rows, report } = await check('households\n3\n', null);
    expect(rows).to.deep.equal([]);
    expect(report.issues.map((i) => [i.row, i.reason, i.expected])).to.deep.equal([
      [1, 'missing_column', 'a unit_code｜单位代码 column'],
      [1, 'missing_column', 'a period｜时期 column, or a declared period'],
    ]);
  });

  it('reports two columns for one variable as a duplicate column', async () => {
    const { report } = await check('unit_code,households,常住户数\nA,1,2\n');
    expect(report.issues.map((i) => [i.column?.letter, i.reason])).to.deep.equal([['C', 'duplicate_column']]);
  });

  it('reports cells beyond the last header (a decimal comma in a comma file)', async () => {
    const { report } = await check('unit_code,share\nA,12,5\n');
    expect(report.issues.map((i) => [i.row, i.column?.letter, i.reason])).to.deep.equal([
      [2, 'C', 'extra_cells'],
    ]);
  });

  it('skips the explanation rows of the registry XLSX template', async () => {
    const csv = [
      'unit_code｜单位代码,period｜时期,households｜常住户数（户）',
      'Unit code,Period,Resident households (households)',
      '"文本，与单位名册一致 / text, as in the unit register","文本，如 2024 或 2024Q1 / text, e.g. 2024 or 2024Q1","整数，≥ 0 / integer, ≥ 0"',
      'A,2025,12',
    ].join('\n');
    const { rows, report } = await check(csv);
    expect(report.issues).to.deep.equal([]);
    expect(rows).to.deep.equal([{ unit: 'A', period: '2025', values: { households: 12 } }]);
  });
});
