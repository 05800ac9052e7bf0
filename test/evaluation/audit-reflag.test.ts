import { expect } from 'chai';
import { reflagged } from '../../server/evaluation/audit-reflag.js';
import { TINY_AUDIT as audit } from '../reports/tiny-audit.js';

describe('audit flags at other thresholds', () => {
  it('flags again at other thresholds, only between siblings', () => {
    // x–z (0.95) are not siblings; x–y (-0.5) is not below -0.6
    expect(reflagged(audit, { high: 0.9, low: -0.6 }).flags).to.deep.equal([]);
    // below -0.4 as stored, and |r| > 0.4 now catches x–y as double counting first
    expect(reflagged(audit, { high: 0.4, low: -0.4 }).flags.map((f) => f.flag)).to.deep.equal([
      'double_counting',
    ]);
  });
});
