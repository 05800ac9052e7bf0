import { expect } from 'chai';
import { mazziotta_pareto } from '../../../../server/engine/methods/aggregation/mazziotta_pareto.js';
import { aggregateRows } from '../../support/aggregate.js';
import { prepared } from '../../support/prepare.js';

describe('aggregation: mazziotta_pareto', () => {
  it('penalises an unbalanced profile: M - S²/M', () => {
    // [90, 110]: M = 100, S = 10, cv = 0.1 → 100 - 10·0.1 = 99; [100, 100] → 100
    const { values } = aggregateRows(
      prepared(mazziotta_pareto, { standardise: false }),
      [
        [90, 110],
        [100, 100],
      ],
      [1, 1],
    );
    expect(values[0]).to.be.closeTo(99, 1e-12);
    expect(values[1]).to.be.closeTo(100, 1e-12);
  });

  it('standardises each child to 100 ± 10 z first by default', () => {
    // child 0 [0, 10]: mean 5, population sd 5 → z = 90, 110; child 1 [10, 0] → 110, 90
    // both units: M = 100, S = 10 → 99
    const { values } = aggregateRows(
      prepared(mazziotta_pareto),
      [
        [0, 10],
        [10, 0],
      ],
      [1, 1],
    );
    expect(values[0]).to.be.closeTo(99, 1e-12);
    expect(values[1]).to.be.closeTo(99, 1e-12);
  });
});
