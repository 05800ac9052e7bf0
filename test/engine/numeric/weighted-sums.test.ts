import { expect } from 'chai';
import { productError, WeightedSums } from '../../../server/engine/numeric/weighted-sums.js';

describe('numeric: weighted sums', () => {
  it('keeps a small term that plain doubles lose beside a large one (1e16 + 1 - 1e16 = 1)', () => {
    const sums = new WeightedSums(1);
    sums.add(0, 1, 1e16);
    sums.add(0, 1, 1);
    sums.add(0, -1, 1e16);
    expect(1e16 + 1 - 1e16).to.not.equal(1);
    expect(sums.value(0)).to.equal(1);
  });

  it('gives the same sum for every order of the same terms', () => {
    const terms: [number, number][] = [
      [0.1, 3],
      [0.7, 11],
      [1 / 3, 29],
      [0.2, 7],
      [1e-3, 1234567],
    ];
    const totals = new Set<number>();
    for (let shift = 0; shift < terms.length; shift++) {
      const sums = new WeightedSums(2);
      for (let k = 0; k < terms.length; k++) {
        const [w, x] = terms[(k + shift) % terms.length]!;
        sums.add(0, w, x);
        const [v, y] = terms[(terms.length - 1 - k + shift) % terms.length]!;
        sums.add(1, v, y);
      }
      totals.add(sums.value(0));
      totals.add(sums.value(1));
    }
    expect(totals.size).to.equal(1);
  });

  it('finds the exact rounding error of a product', () => {
    // 0.1 · 3 rounds to 0.30000000000000004; 3 · 0.1 exactly is 0.3000000000000000166533453693773481063544750213623046875
    const p = 0.1 * 3;
    const error = productError(0.1, 3, p);
    expect(error).to.not.equal(0);
    expect(p + error).to.equal(p);
    expect(Math.abs(error)).to.be.lessThan(Number.EPSILON * p);
  });

  it('keeps rows apart', () => {
    const sums = new WeightedSums(2);
    sums.add(0, 2, 5);
    sums.add(1, 3, 7);
    expect([sums.value(0), sums.value(1)]).to.deep.equal([10, 21]);
  });
});
