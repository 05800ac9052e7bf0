import { expect } from 'chai';
import { readAuditSection, readSensitivityRows } from '../../../server/reports/context/read-audit.js';
import { TINY_AUDIT as audit } from '../tiny-audit.js';

describe('stored audit section', () => {
  it('reads a stored audit and refuses one with a wrong field', () => {
    expect(readAuditSection({ audit })?.cronbach).to.deep.equal(audit.cronbach);
    expect(readAuditSection({})).to.equal(null);
    expect(() =>
      readAuditSection({ audit: { ...audit, cronbach: [{ node: 'a_dim', alpha: 'high' }] } }),
    ).to.throw(/statistical audit/);
  });

  it('lists first-order and total indices of both Monte Carlo outputs, nothing without a Saltelli design', () => {
    const sensitivity = {
      rankShift: { variance: 2, factors: [{ factor: 'weights', first: 0.6, total: 0.7 }] },
      unitRanks: { variance: 3, rows: 3, factors: [{ factor: 'weights', first: 0.5, total: null }] },
    };
    expect(readSensitivityRows({ uncertainty: { sensitivity } })).to.deep.equal([
      { measure: 'rank_shift', factor: 'weights', first: 0.6, total: 0.7 },
      { measure: 'unit_ranks', factor: 'weights', first: 0.5, total: null },
    ]);
    expect(readSensitivityRows({ uncertainty: { sensitivity: null } })).to.deep.equal([]);
  });
});
