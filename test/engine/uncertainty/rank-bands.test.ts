import { expect } from 'chai';
import { rankBands } from '../../../server/engine/uncertainty/rank-bands.js';

describe('uncertainty: bands of overlapping rank intervals', () => {
  it('puts consecutive units whose intervals overlap in one band', () => {
    // Nominal ranks 1–5 with intervals [1,3] [2,4] [5,6] [5,7] [8,8]:
    // 2 ≤ 3 joins; 5 > 4 opens band 2; 5 ≤ 6 joins; 8 > 7 opens band 3.
    const bands = rankBands(
      Uint32Array.of(1, 2, 3, 4, 5),
      Float64Array.of(1, 2, 5, 5, 8),
      Float64Array.of(3, 4, 6, 7, 8),
      5,
    );
    expect(Array.from(bands.band)).to.deep.equal([1, 1, 2, 2, 3]);
    expect(Array.from(bands.first)).to.deep.equal([1, 1, 3, 3, 5]);
    expect(Array.from(bands.last)).to.deep.equal([2, 2, 4, 4, 5]);
  });

  it('keeps a unit in the band when it overlaps an earlier member, not just the one before', () => {
    // [1,6] reaches past [2,3]: [5,7] still overlaps the band through the first unit.
    const bands = rankBands(Uint32Array.of(1, 2, 3), Float64Array.of(1, 2, 5), Float64Array.of(6, 3, 7), 3);
    expect(Array.from(bands.band)).to.deep.equal([1, 1, 1]);
    expect(Array.from(bands.last)).to.deep.equal([3, 3, 3]);
  });

  it('follows the nominal rank order, not the order of the rows', () => {
    // Rows hold ranks 3, 1, 2; intervals [3,3], [1,1], [2,2]: three bands numbered in rank order.
    const bands = rankBands(Uint32Array.of(3, 1, 2), Float64Array.of(3, 1, 2), Float64Array.of(3, 1, 2), 3);
    expect(Array.from(bands.band)).to.deep.equal([3, 1, 2]);
  });

  it('reads the intervals as the whole ranks they cover, as pages print them', () => {
    // [1, 2.2] covers ranks 1–3 once rounded out; [2.6, 4] then overlaps it.
    const bands = rankBands(Uint32Array.of(1, 2), Float64Array.of(1, 2.6), Float64Array.of(2.2, 4), 2);
    expect(Array.from(bands.band)).to.deep.equal([1, 1]);
  });

  it('bands each period on its own', () => {
    // Period 1: [1,2] [1,2] one band; period 2: [1,1] [2,2] two bands.
    const bands = rankBands(
      Uint32Array.of(1, 2, 1, 2),
      Float64Array.of(1, 1, 1, 2),
      Float64Array.of(2, 2, 1, 2),
      2,
    );
    expect(Array.from(bands.band)).to.deep.equal([1, 1, 1, 2]);
  });

  it('leaves units without a rank or an interval out of every band', () => {
    const bands = rankBands(
      Uint32Array.of(1, 0, 2),
      Float64Array.of(1, 1, Number.NaN),
      Float64Array.of(1, 2, Number.NaN),
      3,
    );
    expect(Array.from(bands.band)).to.deep.equal([1, 0, 0]);
    expect(Array.from(bands.first)).to.deep.equal([1, 0, 0]);
  });
});
