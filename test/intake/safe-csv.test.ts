import { expect } from 'chai';
import { safeCsv } from '../../server/intake/safe-csv.js';
import { HOSTILE_CELLS, expectInertCsv } from '../support/csv-injection.js';

describe('safeCsv', () => {
  it('quotes a field with a lone CR or LF so it stays one cell, with CRLF record ends', () => {
    const csv = safeCsv([['a', 'b'], ...HOSTILE_CELLS.map((cell) => [cell, 'x'])], { windows: true });
    const records = expectInertCsv(csv, 1 + HOSTILE_CELLS.length);
    expect(records.slice(1).map((record) => record[0])).to.deep.equal(HOSTILE_CELLS);
  });

  it('quotes a field with a lone CR or LF so it stays one cell, with LF record ends', () => {
    const csv = safeCsv([['a', 'b'], ...HOSTILE_CELLS.map((cell) => [cell, 'x'])]);
    const records = expectInertCsv(csv, 1 + HOSTILE_CELLS.length);
    expect(records.slice(1).map((record) => record[0])).to.deep.equal(HOSTILE_CELLS);
  });

  it('neutralises a text cell that starts like a formula and writes numbers as they are', () => {
    expect(safeCsv([['=1+1', -3.5, null, '-cmd', 'a,"b"']], { bom: false })).to.equal(
      `'=1+1,-3.5,,'-cmd,"a,""b"""\n`,
    );
  });

  it('starts with a byte-order mark unless told not to', () => {
    expect(safeCsv([['a']])).to.equal('\uFEFFa\n');
    expect(safeCsv([['a']], { bom: false })).to.equal('a\n');
  });
});
