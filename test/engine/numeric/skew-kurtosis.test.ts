import { expect } from 'chai';
import { kurtosis, skewness } from '../../../server/engine/numeric/skew-kurtosis.js';
import { column } from '../support/prepare.js';

describe('skewness and kurtosis (e1071 type 2)', () => {
  it('matches the hand-worked skewness of 1, 2, 3, 10', () => {
    // d = -3, -2, -1, 6: Σd² = 50, Σd³ = 180; sqrt(4)·180/50^1.5 · sqrt(12)/2 = 1.7636326…
    expect(skewness(column([1, 2, 3, 10]))).to.be.closeTo(1.763632614803888, 1e-13);
  });

  it('matches the hand-worked kurtosis of 1, 2, 3, 10', () => {
    // Σd⁴ = 81 + 16 + 1 + 1296 = 1394; r = 4·1394/2500 = 2.2304; ((5)(-0.7696) + 6)(3)/(2·1) = 3.228
    expect(kurtosis(column([1, 2, 3, 10]))).to.be.closeTo(3.228, 1e-12);
  });

  it('ignores missing values', () => {
    expect(skewness(column([1, null, 2, 3, 10]))).to.be.closeTo(1.763632614803888, 1e-13);
  });

  it('gives NaN rather than a number when there are too few values', () => {
    expect(skewness(column([1, 2]))).to.be.NaN;
    expect(kurtosis(column([1, 2, 3]))).to.be.NaN;
  });
});
