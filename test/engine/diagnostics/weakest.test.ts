import { expect } from 'chai';
import { weakestDimensions, weakestIndicators } from '../../../server/engine/diagnostics/weakest.js';
import { column } from '../support/prepare.js';

describe('weakest dimension and indicators', () => {
  it('picks the dimension with the lowest score per row', () => {
    expect(Array.from(weakestDimensions([column([10, 50, null]), column([20, 40, null])], 3))).to.deep.equal([
      0, 1, -1,
    ]);
  });

  it('picks the three lowest normalised values and the change to the peer median', () => {
    // one peer group of three units; unit 0 is lowest on a, b and c
    const indicators = [
      { normalised: column([0, 50, 100]), raw: column([10, 20, 30]), direction: 1 as const },
      { normalised: column([10, 60, 100]), raw: column([5, 3, 1]), direction: -1 as const },
      { normalised: column([20, 0, 100]), raw: column([2, 1, 3]), direction: 1 as const },
      { normalised: column([90, 90, 90]), raw: column([1, 1, 1]), direction: 1 as const },
    ];
    const weak = weakestIndicators(indicators, 3, Int32Array.of(0, 0, 0), 1);
    expect(Array.from(weak.indicator.subarray(0, 3))).to.deep.equal([0, 1, 2]);
    // medians: a 20, b 3, c 2 → unit 0 needs +10 on a, -2 on b (lower is better), 0 on c (at the median)
    expect(Array.from(weak.median.subarray(0, 3))).to.deep.equal([20, 3, 2]);
    expect(Array.from(weak.change.subarray(0, 3))).to.deep.equal([10, -2, 0]);
  });

  it('lists fewer than three when fewer indicators are present', () => {
    const weak = weakestIndicators(
      [{ normalised: column([null, 5]), raw: column([null, 5]), direction: 1 as const }],
      2,
      Int32Array.of(0, 0),
      1,
    );
    expect(Array.from(weak.indicator.subarray(0, 3))).to.deep.equal([-1, -1, -1]);
    expect(weak.indicator[3]).to.equal(0);
  });
});
