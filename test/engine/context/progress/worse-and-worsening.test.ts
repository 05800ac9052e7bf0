import { expect } from 'chai';
import { worseAndWorsening } from '../../../../server/engine/context/progress/worse-and-worsening.js';

describe('worse than peers and worsening', () => {
  it('flags a unit below its peer median whose score fell', () => {
    expect(Array.from(worseAndWorsening(Float64Array.of(-3), Float64Array.of(-0.5)))).to.deep.equal([1]);
  });

  it('does not flag a unit above its peer median whose score fell', () => {
    expect(Array.from(worseAndWorsening(Float64Array.of(2), Float64Array.of(-4)))).to.deep.equal([0]);
  });

  it('does not flag a unit below its peer median whose score rose', () => {
    expect(Array.from(worseAndWorsening(Float64Array.of(-2), Float64Array.of(1)))).to.deep.equal([0]);
  });

  it('does not flag a unit without a change (first period)', () => {
    expect(Array.from(worseAndWorsening(Float64Array.of(-1), Float64Array.of(Number.NaN)))).to.deep.equal([
      0,
    ]);
  });
});
