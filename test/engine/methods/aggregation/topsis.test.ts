import { expect } from 'chai';
import { MissingCode } from '../../../../server/engine/missing-reasons.js';
import { topsis } from '../../../../server/engine/methods/aggregation/topsis.js';
import { aggregateRows } from '../../support/aggregate.js';
import { prepared } from '../../support/prepare.js';

describe('aggregation: topsis', () => {
  it('scores 1 for the best on every child and 0 for the worst', () => {
    const { values } = aggregateRows(
      prepared(topsis),
      [
        [10, 10],
        [0, 0],
        [5, 5],
      ],
      [1, 1],
    );
    expect(Array.from(values)).to.deep.equal([1, 0, 0.5]);
  });

  it('scores two mirror-image units the same', () => {
    const { values } = aggregateRows(
      prepared(topsis),
      [
        [0, 10],
        [10, 0],
      ],
      [1, 1],
    );
    expect(Array.from(values)).to.deep.equal([0.5, 0.5]);
  });

  it('matches a hand-worked weighted example', () => {
    // unit [4, 10] with best (10, 10), worst (0, 0), weights 3:1 → w = 0.75, 0.25
    // d+ = |0.75·(4 - 10)| = 4.5, d- = sqrt((0.75·4)² + (0.25·10)²) = sqrt(9 + 6.25)
    const { values } = aggregateRows(
      prepared(topsis),
      [
        [4, 10],
        [10, 0],
        [0, 5],
      ],
      [3, 1],
    );
    const dWorst = Math.sqrt(15.25);
    expect(values[0]).to.be.closeTo(dWorst / (4.5 + dWorst), 1e-14);
  });

  it('leaves the closeness missing when no child has any spread', () => {
    const { reasons } = aggregateRows(
      prepared(topsis),
      [
        [3, 3],
        [3, 3],
      ],
      [1, 1],
    );
    expect(reasons[0]).to.equal(MissingCode.NoVariation);
  });
});
