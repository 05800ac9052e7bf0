import { expect } from 'chai';
import { columnLetter } from '../../server/intake/column-letter.js';

describe('columnLetter', () => {
  it('letters columns as a spreadsheet does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).to.deep.equal([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});
