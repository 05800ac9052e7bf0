import { expect } from 'chai';
import { CellFlag } from '../../../../server/engine/flags.js';
import { MissingCode } from '../../../../server/engine/missing-reasons.js';
import { distance_to_target } from '../../../../server/engine/methods/normalisation/distance_to_target.js';
import { normaliseColumn } from '../../support/normalise.js';
import { plain, prepared } from '../../support/prepare.js';

describe('normalisation: distance_to_target', () => {
  const posts = { floor: 0, target: 10 };

  it('computes 1 - (target - x) / (target - min), beyond 1 past the target by default', () => {
    expect(
      plain(normaliseColumn(prepared(distance_to_target), [2, 6, 10, 12], { goalposts: posts }).values),
    ).to.deep.equal([0, 0.5, 1, 1.25]);
  });

  it('caps at 1 with cap_max and flags the capped cell', () => {
    const result = normaliseColumn(prepared(distance_to_target, { cap_max: true }), [2, 6, 10, 12], {
      goalposts: posts,
    });
    expect(plain(result.values)).to.deep.equal([0, 0.5, 1, 1]);
    expect(result.flags[3]).to.equal(CellFlag.Censored);
  });

  it('handles a lower-is-better indicator', () => {
    // directed: x → -x, target 2 → -2, min(-x) = -10: 1 - (-2 + x)/(-2 + 10)
    const result = normaliseColumn(prepared(distance_to_target), [10, 6, 2], {
      direction: -1,
      goalposts: { floor: 10, target: 2 },
    });
    expect(plain(result.values)).to.deep.equal([0, 0.5, 1]);
  });

  it('leaves the column missing when the worst value already sits at the target', () => {
    const result = normaliseColumn(prepared(distance_to_target), [10, 12], { goalposts: posts });
    expect(result.reasons[0]).to.equal(MissingCode.DivisionByZero);
  });
});
