import { expect } from 'chai';
import { correlationFlags } from '../../../server/engine/audit/correlation-flags.js';
import { correlationPairs } from '../../../server/engine/audit/correlation-matrix.js';
import { cronbachAlpha, pairwiseCovariance } from '../../../server/engine/audit/cronbach.js';
import { columnStats } from '../../../server/engine/audit/indicator-stats.js';
import { parentCorrelations } from '../../../server/engine/audit/parent-correlations.js';
import { pcaVarianceShares } from '../../../server/engine/audit/pca-variance.js';
import { meanAbsoluteChange } from '../../../server/engine/audit/removal.js';
import { sizeCorrelations } from '../../../server/engine/audit/size-correlations.js';
import { averageRanks, spearman } from '../../../server/engine/audit/spearman.js';

const col = (...v: number[]): Float64Array => Float64Array.from(v);

// Expected values below are worked by hand in the comments.
describe('audit statistics on tiny data', () => {
  it('counts availability over all units and zeros and unique values over the present ones', () => {
    // [0, 0, 5, NaN]: 3 of 4 present, 2 of 3 zero, 2 distinct of 3
    const s = columnStats(col(0, 0, 5, NaN));
    expect(s.availability).to.equal(0.75);
    expect(s.zeroShare).to.be.closeTo(2 / 3, 1e-15);
    expect(s.uniqueShare).to.be.closeTo(2 / 3, 1e-15);
  });

  it('gives tied values the mean of their ranks', () => {
    expect([...averageRanks(Float64Array.of(10, 20, 20, 5))]).to.deep.equal([2, 3.5, 3.5, 1]);
  });

  it('computes Spearman over complete pairs only: a monotone relation gives 1', () => {
    expect(spearman(col(1, 2, 3, NaN), col(1, 4, 9, 2))).to.equal(1);
    expect(spearman(col(1, 2, 3), col(3, 2, 1))).to.equal(-1);
  });

  it('lists each unordered pair once with Pearson and Spearman', () => {
    const data = new Map([
      ['a', col(1, 2, 3)],
      ['b', col(2, 4, 6)],
      ['c', col(3, 1, 2)],
    ]);
    const pairs = correlationPairs(['a', 'b', 'c'], (id) => data.get(id)!);
    expect(pairs.map((p) => `${p.a}${p.b}`)).to.deep.equal(['ab', 'ac', 'bc']);
    expect(pairs[0]!.pearson).to.be.closeTo(1, 1e-15);
    // a = (1,2,3), c = (3,1,2): deviations (-1,0,1) and (1,-1,0): sum -1, each ss 2 → r = -0.5
    expect(pairs[1]!.pearson).to.be.closeTo(-0.5, 1e-15);
  });

  it('flags double counting and pulling apart only between siblings', () => {
    const parents = new Map([
      ['a', 'd1'],
      ['b', 'd1'],
      ['c', 'd1'],
      ['e', 'd2'],
    ]);
    const flags = correlationFlags(
      [
        { a: 'a', b: 'b', pearson: 0.95, spearman: 0.9 },
        { a: 'a', b: 'c', pearson: -0.5, spearman: -0.5 },
        { a: 'b', b: 'c', pearson: -0.3, spearman: -0.3 },
        { a: 'a', b: 'e', pearson: 0.99, spearman: 0.99 },
      ],
      parents,
    );
    expect(flags.map((f) => `${f.a}${f.b}:${f.flag}`)).to.deep.equal([
      'ab:double_counting',
      'ac:pulling_apart',
    ]);
  });

  it("correlates each element with its parent's column", () => {
    const data = new Map([
      ['x', col(1, 2, 3)],
      ['dim', col(3, 2, 1)],
    ]);
    const out = parentCorrelations(['x', 'dim'], new Map([['x', 'dim']]), (id) => data.get(id)!);
    expect(out).to.have.length(1);
    expect(out[0]!.r).to.be.closeTo(-1, 1e-15);
  });

  it("computes Cronbach's alpha from pairwise covariances", () => {
    // x = (1,2,3): var 1; y = (1,2,4): var 7/3; cov(x,y) = 3/2. S = 1 + 7/3 + 3 = 19/3,
    // mean off-diagonal = 3/2 → alpha = 4 * 1.5 / (19/3) = 18/19
    expect(pairwiseCovariance(col(1, 2, 3), col(1, 2, 4))).to.be.closeTo(1.5, 1e-15);
    expect(cronbachAlpha([col(1, 2, 3), col(1, 2, 4)])).to.be.closeTo(18 / 19, 1e-14);
    expect(cronbachAlpha([col(1, 2, 3)])).to.be.NaN;
  });

  it('puts all the variance on the first component for proportional columns, skipping incomplete rows', () => {
    const shares = pcaVarianceShares([col(1, 2, 3, NaN), col(2, 4, 6, 1)]);
    expect(shares[0]).to.be.closeTo(1, 1e-12);
    expect(shares[1]).to.be.closeTo(0, 1e-12);
  });

  it('splits the variance (1 ± r) / 2 between two components of two columns', () => {
    // r(a, c) = -0.5 → eigenvalues 1.5 and 0.5 of the 2×2 correlation matrix → shares 0.75, 0.25
    const shares = pcaVarianceShares([col(1, 2, 3), col(3, 1, 2)]);
    expect(shares[0]).to.be.closeTo(0.75, 1e-12);
    expect(shares[1]).to.be.closeTo(0.25, 1e-12);
  });

  it('keeps size correlations at or above the threshold in absolute value', () => {
    const raw = new Map([
      ['visits', col(10, 20, 30)],
      ['share', col(5, 1, 4)],
    ]);
    const out = sizeCorrelations(
      ['visits', 'share'],
      (id) => raw.get(id)!,
      new Map([['population', col(1, 2, 3)]]),
    );
    expect(out.map((c) => c.indicator)).to.deep.equal(['visits']);
  });

  it('averages absolute rank changes over units ranked in both runs', () => {
    // (1,2,3,0) vs (2,1,3,4): |1-2| + |2-1| + 0 over 3 units
    expect(meanAbsoluteChange(Uint32Array.of(1, 2, 3, 0), Uint32Array.of(2, 1, 3, 4))).to.be.closeTo(
      2 / 3,
      1e-15,
    );
  });
});
