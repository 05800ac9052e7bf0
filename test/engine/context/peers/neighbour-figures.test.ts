import { expect } from 'chai';
import { neighbourFigures } from '../../../../server/engine/context/peers/neighbour-figures.js';

describe('engine peers: figures over each unit and its neighbours', () => {
  // Three units, k = 2: unit 0's neighbours are 1 and 2, unit 1's 0 and 2, unit 2's 1 and 0.
  // Period 0: values 1, 5, missing. Period 1: 2, 4, 9.
  const neighbours = Int32Array.of(1, 2, 0, 2, 1, 0);
  const values = Float64Array.of(1, 5, Number.NaN, 2, 4, 9);
  const figures = neighbourFigures(values, neighbours, 2, 3, 2);

  it('takes the median of the present values of the unit and its neighbours', () => {
    // Period 0, unit 0: {1, 5} → 3; period 1, unit 0: {2, 4, 9} → 4.
    expect(figures.median[0]).to.equal(3);
    expect(figures.median[3]).to.equal(4);
    expect(figures.count[0]).to.equal(2);
    expect(figures.count[3]).to.equal(3);
  });
  it('gives the best of the set and the gap of the unit to the median', () => {
    // Period 1, unit 1: {4, 2, 9}: best 9, median 4, gap 4 − 4 = 0; unit 0: gap 2 − 4 = −2.
    expect(figures.best[4]).to.equal(9);
    expect(figures.gap[4]).to.equal(0);
    expect(figures.gap[3]).to.equal(-2);
  });
  it('gives a median but no gap to a unit without a value of its own', () => {
    // Period 0, unit 2: own value missing; {5, 1} → 3.
    expect(figures.median[2]).to.equal(3);
    expect(Number.isNaN(figures.gap[2])).to.equal(true);
  });
  it('gives nothing to a unit left out of the neighbours', () => {
    const out = neighbourFigures(Float64Array.of(1, 2), Int32Array.of(-1, 0), 1, 2, 1);
    expect(Number.isNaN(out.median[0])).to.equal(true);
    expect(out.median[1]).to.equal(1.5);
  });
});
