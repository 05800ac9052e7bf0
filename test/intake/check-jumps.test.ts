import { expect } from 'chai';
import { periodJumps } from '../../server/intake/check-jumps.js';

const year = (period: string, households: number) => ({ period, values: { households } });

describe('period-over-period jumps', () => {
  it('flags a value more than the factor above the previous period, with both values', () => {
    const jumps = periodJumps({ households: 1200 }, [year('2023', 280), year('2024', 300)], { factor: 3 });
    expect(jumps.map((j) => [j.variable, j.previousPeriod, j.previous, j.current])).to.deep.equal([
      ['households', '2024', 300, 1200],
    ]);
  });

  it('flags a fall below one over the factor', () => {
    expect(periodJumps({ households: 90 }, [year('2024', 300)], { factor: 3 })).to.have.length(1);
  });

  it('accepts a change within the factor', () => {
    expect(periodJumps({ households: 890 }, [year('2024', 300)], { factor: 3 })).to.deep.equal([]);
  });

  it("flags a value beyond k robust standard deviations of the unit's history", () => {
    // history 100, 104, 96, 102: median 101, MAD 2 → robust sd 2.9652; 120 is 19 away, beyond 5 × 2.9652
    const history = [year('2021', 100), year('2022', 104), year('2023', 96), year('2024', 102)];
    expect(periodJumps({ households: 120 }, history, { robust_sd: 5 }).map((j) => j.current)).to.deep.equal([
      120,
    ]);
    expect(periodJumps({ households: 110 }, history, { robust_sd: 5 })).to.deep.equal([]);
  });

  it('needs three earlier periods for the robust check', () => {
    expect(
      periodJumps({ households: 1000 }, [year('2023', 100), year('2024', 101)], { robust_sd: 5 }),
    ).to.deep.equal([]);
  });

  it('leaves a zero to the robust check (no ratio)', () => {
    expect(periodJumps({ households: 500 }, [year('2024', 0)], { factor: 3 })).to.deep.equal([]);
  });
});
