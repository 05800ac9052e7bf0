import { expect } from 'chai';
import { percentilesFromRanks } from '../../../server/engine/diagnostics/percentiles.js';

describe('percentiles', () => {
  it('gives the share of the other units scoring at or below: best 100, worst 0', () => {
    // n = 4: 100·(4 - r)/3
    const p = percentilesFromRanks(Uint32Array.of(1, 2, 2, 4), 4, 1);
    expect(p[0]).to.equal(100);
    expect(p[1]).to.be.closeTo(200 / 3, 1e-12);
    expect(p[2]).to.be.closeTo(200 / 3, 1e-12);
    expect(p[3]).to.equal(0);
  });

  it('leaves a unit without a rank without a percentile and counts per period', () => {
    const p = percentilesFromRanks(Uint32Array.of(1, 0, 2, 1, 2, 3), 3, 2);
    expect(Array.from(p).map((v) => (Number.isNaN(v) ? null : v))).to.deep.equal([100, null, 0, 100, 50, 0]);
  });
});
