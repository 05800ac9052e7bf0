import { expect } from 'chai';
import { expectedScores } from '../../../../server/engine/context/expected/expected-scores.js';

const NaN_ = Number.NaN;

describe('expected scores', () => {
  it('gives each unit the fitted score and the difference actual − expected', () => {
    // The same balanced 2 × 2 case as the OLS test: fitted 0.75 3.25 2.25 4.75 → differences ±0.25
    const e = expectedScores(
      {
        periodIds: ['2024'],
        scores: Float64Array.of(1, 3, 2, 5),
        units: [
          { a: 0, b: 0 },
          { a: 1, b: 0 },
          { a: 0, b: 1 },
          { a: 1, b: 1 },
        ],
      },
      { method: 'ols', attributes: ['a', 'b'], log: [] },
    );
    expect(e?.fits[0]?.n).to.equal(4);
    expect(e?.fits[0]?.r2).to.be.closeTo(34 / 35, 1e-12);
    expect(e?.expected[1]).to.be.closeTo(3.25, 1e-12);
    expect(e?.difference[1]).to.be.closeTo(-0.25, 1e-12);
    expect(e?.difference[3]).to.be.closeTo(0.25, 1e-12);
    // standardised: −0.25 / 0.5
    expect(e?.standardised[1]).to.be.closeTo(-0.5, 1e-12);
  });

  it('reads urban as 1 and rural as 0, and logs the attributes asked', () => {
    // score = 10 + 5·urban + 2·ln(pop) exactly (pop = e^k)
    const pops = [1, 2, 3, 4, 5].map((k) => Math.exp(k));
    const urban = ['urban', 'rural', 'urban', 'rural', 'rural'];
    const scores = pops.map((p, i) => 10 + (urban[i] === 'urban' ? 5 : 0) + 2 * Math.log(p));
    const e = expectedScores(
      {
        periodIds: ['2024'],
        scores: Float64Array.from(scores),
        units: pops.map((p, i) => ({ resident_population: p, urban_rural: urban[i] })),
      },
      { method: 'ols', attributes: ['resident_population', 'urban_rural'], log: ['resident_population'] },
    );
    const fit = e?.fits[0];
    expect(fit?.intercept).to.be.closeTo(10, 1e-9);
    expect(fit?.coefficients[0]).to.include({ attribute: 'resident_population', log: true });
    expect(fit?.coefficients[0]?.estimate).to.be.closeTo(2, 1e-9);
    expect(fit?.coefficients[1]?.estimate).to.be.closeTo(5, 1e-9);
    expect(fit?.r2).to.be.closeTo(1, 1e-12);
  });

  it('leaves out a unit missing an attribute, with the attribute named, in every period', () => {
    const units = [{ a: 1 }, { a: 2 }, {}, { a: 3 }, { a: 4 }];
    const e = expectedScores(
      { periodIds: ['2023', '2024'], scores: Float64Array.of(2, 4, 9, 6, 8, 3, 5, 9, 7, 9), units },
      { method: 'ols', attributes: ['a'], log: [] },
    );
    expect(e?.exclusions[2]).to.deep.equal({ reason: 'missing_attribute', attribute: 'a' });
    expect(e?.fits.map((f) => f.n)).to.deep.equal([4, 4]);
    expect(Number.isNaN(e?.expected[2] ?? 0)).to.equal(true);
    expect(Number.isNaN(e?.expected[7] ?? 0)).to.equal(true);
    // 2023: y = 2a exactly
    expect(e?.expected[4]).to.be.closeTo(8, 1e-12);
  });

  it('leaves out a unit whose log-scaled attribute is not positive', () => {
    const e = expectedScores(
      {
        periodIds: ['2024'],
        scores: Float64Array.of(1, 2, 3, 4),
        units: [{ p: 0 }, { p: 1 }, { p: 2 }, { p: 3 }],
      },
      { method: 'ols', attributes: ['p'], log: ['p'] },
    );
    expect(e?.exclusions[0]).to.deep.equal({ reason: 'not_positive_for_log', attribute: 'p' });
    expect(e?.fits[0]?.n).to.equal(3);
  });

  it('leaves a unit without a score out of that period only', () => {
    const e = expectedScores(
      {
        periodIds: ['2023', '2024'],
        scores: Float64Array.of(NaN_, 4, 6, 8, 2, 4, 6, 8),
        units: [{ a: 1 }, { a: 2 }, { a: 3 }, { a: 4 }],
      },
      { method: 'ols', attributes: ['a'], log: [] },
    );
    expect(e?.fits.map((f) => f.n)).to.deep.equal([3, 4]);
    expect(Number.isNaN(e?.expected[0] ?? 0)).to.equal(true);
    expect(e?.expected[4]).to.be.closeTo(2, 1e-12);
  });

  it('fits nothing in a period with fewer than p + 2 complete units', () => {
    const e = expectedScores(
      { periodIds: ['2024'], scores: Float64Array.of(1, 2), units: [{ a: 1 }, { a: 2 }] },
      { method: 'ols', attributes: ['a'], log: [] },
    );
    expect(e?.fits[0]).to.include({ n: 2, r2: null, intercept: null });
    expect(Number.isNaN(e?.difference[0] ?? 0)).to.equal(true);
  });

  it('computes nothing when the choice is none', () => {
    expect(
      expectedScores({ periodIds: ['2024'], scores: Float64Array.of(1), units: [{}] }, { method: 'none' }),
    ).to.equal(null);
  });
});
