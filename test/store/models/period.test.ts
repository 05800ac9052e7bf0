import { expect } from 'chai';
import { ValidationError } from '../../../server/errors.js';
import { periodFromId } from '../../../server/store/models/period.js';

describe('periodFromId', () => {
  it('spans a whole year', () => {
    expect(periodFromId('2025')).to.deep.equal({
      id: '2025',
      label: { zh: '2025年', en: '2025' },
      start: '2025-01-01',
      end: '2025-12-31',
    });
  });

  it('ends the second half on 31 December', () => {
    expect(periodFromId('2025H2')).to.deep.include({
      start: '2025-07-01',
      end: '2025-12-31',
      label: { zh: '2025年下半年', en: '2025 H2' },
    });
  });

  it('ends the first quarter on 31 March', () => {
    expect(periodFromId('2024Q1')).to.deep.include({ start: '2024-01-01', end: '2024-03-31' });
  });

  it('ends February on the 29th in a leap year and the 28th otherwise', () => {
    expect(periodFromId('2024-02').end).to.equal('2024-02-29');
    expect(periodFromId('2023-02').end).to.equal('2023-02-28');
    expect(periodFromId('2023-02').label).to.deep.equal({ zh: '2023年2月', en: '2023-02' });
  });

  it('refuses ids that name no period', () => {
    for (const id of ['2025Q0', '2025-13', '2025H3', '25', '2025 ']) {
      expect(() => periodFromId(id)).to.throw(ValidationError);
    }
  });
});
