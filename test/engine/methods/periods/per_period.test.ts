import { expect } from 'chai';
import { per_period } from '../../../../server/engine/methods/periods/per_period.js';
import { prepared } from '../../support/prepare.js';

describe('periods: per_period', () => {
  it('gives each period its own block of bounds', () => {
    expect(prepared(per_period).run(3)).to.deep.equal([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });
});
