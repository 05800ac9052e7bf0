import { expect } from 'chai';
import { pooled } from '../../../../server/engine/methods/periods/pooled.js';
import { prepared } from '../../support/prepare.js';

describe('periods: pooled', () => {
  it('puts every period in one block of bounds', () => {
    expect(prepared(pooled).run(3)).to.deep.equal([[0, 3]]);
  });
});
