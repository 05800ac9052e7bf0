import { expect } from 'chai';
import { neutraliseCell, tableCsv, tableJson } from '../../server/evaluation/export-formats.js';
import { HOSTILE_CELLS, expectInertCsv } from '../support/csv-injection.js';

describe('export formats', () => {
  it('neutralises text cells that a spreadsheet would run as formulas', () => {
    expect(neutraliseCell('=HYPERLINK("x")')).to.equal('\'=HYPERLINK("x")');
    expect(neutraliseCell('+1')).to.equal("'+1");
    expect(neutraliseCell('-cmd')).to.equal("'-cmd");
    expect(neutraliseCell('@SUM(A1)')).to.equal("'@SUM(A1)");
  });

  it('leaves numbers, including negative ones, and ordinary text alone', () => {
    expect(neutraliseCell(-3.5)).to.equal(-3.5);
    expect(neutraliseCell('和平社区')).to.equal('和平社区');
    expect(neutraliseCell(null)).to.equal(null);
  });

  it('writes CSV with a BOM, quoting, empty cells for missing values and neutralised names', () => {
    const csv = tableCsv({
      header: ['unit_code', 'name', 'score'],
      rows: [
        ['A1', '=1+1, "x"', null],
        ['A2', 'ok', 12.5],
      ],
    });
    expect(csv).to.equal('\uFEFFunit_code,name,score\nA1,"\'=1+1, ""x""",\nA2,ok,12.5\n');
  });

  it('keeps a name with a lone CR or LF in one quoted cell, so it cannot start a row with a formula', () => {
    const csv = tableCsv({ header: ['unit_code', 'name'], rows: HOSTILE_CELLS.map((name) => ['A1', name]) });
    const records = expectInertCsv(csv, 1 + HOSTILE_CELLS.length);
    expect(records.slice(1).map((record) => record[1])).to.deep.equal(HOSTILE_CELLS);
  });

  it('writes JSON records keyed by the header', () => {
    expect(JSON.parse(tableJson({ header: ['a', 'b'], rows: [[1, null]] }))).to.deep.equal([
      { a: 1, b: null },
    ]);
  });
});
