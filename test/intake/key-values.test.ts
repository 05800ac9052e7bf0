import { expect } from 'chai';
import { periodOf, unitCodeOf } from '../../server/intake/key-values.js';

describe('key values', () => {
  it('understands the ways people write a period', () => {
    expect(['2025', 2025, '2025年', ' 2025q3 ', '2025-Q3', '2025H1', '2025-07'].map(periodOf)).to.deep.equal([
      '2025',
      '2025',
      '2025',
      '2025Q3',
      '2025Q3',
      '2025H1',
      '2025-07',
    ]);
  });

  it('refuses what is not a period', () => {
    expect(['2025Q5', '25', '2025-13', '二〇二五', ''].map(periodOf)).to.deep.equal(Array(5).fill(undefined));
  });

  it('writes an XLSX number unit code as its digits', () => {
    expect(unitCodeOf(420102001001)).to.equal('420102001001');
    expect(unitCodeOf(' A-01 ')).to.equal('A-01');
  });
});
