import { expect } from 'chai';
import { distance_to_max } from '../../../../server/engine/methods/normalisation/distance_to_max.js';
import { normaliseColumn } from '../../support/normalise.js';
import { plain, prepared } from '../../support/prepare.js';

describe('normalisation: distance_to_max', () => {
  it('computes 1 - (max - x) / (max - min)', () => {
    expect(plain(normaliseColumn(prepared(distance_to_max), [2, 4, 6]).values)).to.deep.equal([0, 0.5, 1]);
  });

  it('turns a lower-is-better indicator around', () => {
    expect(
      plain(normaliseColumn(prepared(distance_to_max), [2, 3, 6], { direction: -1 }).values),
    ).to.deep.equal([1, 0.75, 0]);
  });
});
