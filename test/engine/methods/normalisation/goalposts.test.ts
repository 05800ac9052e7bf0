import { expect } from 'chai';
import { CellFlag } from '../../../../server/engine/flags.js';
import { goalposts } from '../../../../server/engine/methods/normalisation/goalposts.js';
import { normaliseColumn } from '../../support/normalise.js';
import { plain, prepared } from '../../support/prepare.js';

describe('normalisation: goalposts', () => {
  const posts = { floor: 50, target: 100 };

  it('scores 0 at the lower goalpost and 100 at the target', () => {
    expect(
      plain(normaliseColumn(prepared(goalposts), [50, 75, 100], { goalposts: posts }).values),
    ).to.deep.equal([0, 50, 100]);
  });

  it('censors values beyond the goalposts and flags them', () => {
    const result = normaliseColumn(prepared(goalposts), [40, 120], { goalposts: posts });
    expect(plain(result.values)).to.deep.equal([0, 100]);
    expect(Array.from(result.flags)).to.deep.equal([CellFlag.Censored, CellFlag.Censored]);
  });

  it('handles a lower-is-better indicator whose target lies below its floor', () => {
    // floor 600 households per worker, target 300: 450 is half way
    const result = normaliseColumn(prepared(goalposts), [600, 450, 300, 200], {
      direction: -1,
      goalposts: { floor: 600, target: 300 },
    });
    expect(plain(result.values)).to.deep.equal([0, 50, 100, 100]);
  });

  it('maps onto another range', () => {
    expect(
      plain(
        normaliseColumn(prepared(goalposts, { range: [1, 100] }), [50, 100], { goalposts: posts }).values,
      ),
    ).to.deep.equal([1, 100]);
  });

  it('needs goalposts from the indicators', () => {
    expect(prepared(goalposts).needs).to.equal('goalposts');
  });
});
