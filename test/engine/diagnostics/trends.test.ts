import { expect } from 'chai';
import { Trend } from '../../../server/engine/diagnostics/codes.js';
import { indicatorTrends, scoreTrends } from '../../../server/engine/diagnostics/trends.js';
import { column } from '../support/prepare.js';

describe('trend arrows', () => {
  // Target 100 in 5 periods from 50: 10 a period needed.
  it('is on track at the pace needed, improving at half of it, stagnating below, decreasing when falling', () => {
    const values = column([50, 50, 50, 50, 60, 55, 52, 45]);
    const arrows = indicatorTrends(values, 4, 2, 1, 100, 5);
    expect(Array.from(arrows.subarray(4))).to.deep.equal([
      Trend.OnTrack,
      Trend.Improving,
      Trend.Stagnating,
      Trend.Decreasing,
    ]);
  });

  it('has no arrow in the first period or next to a missing value', () => {
    const arrows = indicatorTrends(column([50, null, 60, 70]), 2, 2, 1, 100, 5);
    expect(Array.from(arrows)).to.deep.equal([0, 0, Trend.OnTrack, 0]);
  });

  it('keeps a unit at its target on track while it holds it', () => {
    const arrows = indicatorTrends(column([100, 100, 100, 99]), 2, 2, 1, 100, 5);
    expect(Array.from(arrows.subarray(2))).to.deep.equal([Trend.OnTrack, Trend.Decreasing]);
  });

  it('reads a lower-is-better indicator the other way round', () => {
    // households per worker, target 300 from 600: 60 a period needed; 600 → 540 is on track
    const arrows = indicatorTrends(column([600, 540]), 1, 2, -1, 300, 5);
    expect(arrows[1]).to.equal(Trend.OnTrack);
  });

  it('gives scores without a target an arrow by the sign of the change beyond a band', () => {
    const arrows = scoreTrends(column([50, 50, 50, 53, 50.5, 47]), 3, 2, 1);
    expect(Array.from(arrows.subarray(3))).to.deep.equal([
      Trend.Improving,
      Trend.Stagnating,
      Trend.Decreasing,
    ]);
  });
});
