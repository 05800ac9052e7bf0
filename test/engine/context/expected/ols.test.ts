import { expect } from 'chai';
import { ordinaryLeastSquares } from '../../../../server/engine/context/expected/ols.js';

const f = (...values: number[]): Float64Array => Float64Array.from(values);

describe('ordinary least squares', () => {
  it('recovers a perfect line with R² = 1 and no residuals', () => {
    // y = 1 + 2x exactly
    const fit = ordinaryLeastSquares([f(1, 2, 3, 4)], f(3, 5, 7, 9));
    expect(fit.intercept).to.be.closeTo(1, 1e-12);
    expect(fit.coefficients[0]?.estimate).to.be.closeTo(2, 1e-12);
    expect(fit.r2).to.equal(1);
    expect(fit.residualStandardError).to.be.closeTo(0, 1e-12);
    Array.from(fit.fitted).forEach((v, i) => expect(v).to.be.closeTo([3, 5, 7, 9][i] ?? 0, 1e-12));
  });

  it('solves a two-predictor case worked by hand', () => {
    // x1 = 0 1 0 1, x2 = 0 0 1 1 (balanced, so each slope is a difference of means):
    // b1 = (3+5)/2 − (1+2)/2 = 2.5; b2 = (2+5)/2 − (1+3)/2 = 1.5; a = 2.75 − 2.5·0.5 − 1.5·0.5 = 0.75.
    // fitted 0.75 3.25 2.25 4.75, residuals ±0.25: SSR = 0.25, SST = 8.75, R² = 34/35,
    // adjusted R² = 1 − (1/35)·3/1 = 32/35, residual standard error = √(0.25/1) = 0.5.
    const fit = ordinaryLeastSquares([f(0, 1, 0, 1), f(0, 0, 1, 1)], f(1, 3, 2, 5));
    expect(fit.intercept).to.be.closeTo(0.75, 1e-12);
    expect(fit.coefficients[0]?.estimate).to.be.closeTo(2.5, 1e-12);
    expect(fit.coefficients[1]?.estimate).to.be.closeTo(1.5, 1e-12);
    expect(fit.r2).to.be.closeTo(34 / 35, 1e-12);
    expect(fit.adjustedR2).to.be.closeTo(32 / 35, 1e-12);
    expect(fit.residualStandardError).to.be.closeTo(0.5, 1e-12);
    expect(fit.fitted[1]).to.be.closeTo(3.25, 1e-12);
  });

  it('gives the coefficient per standard deviation of the predictor', () => {
    // x = 1 2 3 4 has sd √(5/3); slope 2 → 2·√(5/3) per sd
    const fit = ordinaryLeastSquares([f(1, 2, 3, 4)], f(3, 5, 7, 9));
    expect(fit.coefficients[0]?.standardised).to.be.closeTo(2 * Math.sqrt(5 / 3), 1e-12);
  });

  it("matches R's lm(y ~ log(pop) + urban + area) on eight units", () => {
    // Values printed by R 4 with options(digits = 15) for exactly these data.
    const pop = [8200, 3100, 12500, 1800, 9400, 4300, 15100, 2600];
    const fit = ordinaryLeastSquares(
      [
        Float64Array.from(pop, Math.log),
        f(1, 0, 1, 0, 1, 1, 1, 0),
        f(0.9, 5.2, 0.7, 7.9, 1.1, 2.4, 0.6, 6.3),
      ],
      f(62.1, 55.4, 70.3, 48.9, 66.0, 59.2, 73.5, 51.7),
    );
    expect(fit.intercept).to.be.closeTo(-55.468096430311178, 1e-9);
    expect(fit.coefficients[0]?.estimate).to.be.closeTo(13.071571077021131, 1e-9);
    expect(fit.coefficients[1]?.estimate).to.be.closeTo(1.547818962646251, 1e-9);
    expect(fit.coefficients[2]?.estimate).to.be.closeTo(0.853407881508269, 1e-9);
    expect(fit.r2).to.be.closeTo(0.973765139427567, 1e-12);
    expect(fit.adjustedR2).to.be.closeTo(0.954088993998242, 1e-12);
    expect(fit.residualStandardError).to.be.closeTo(1.87556889199309, 1e-10);
    expect(fit.fitted[0]).to.be.closeTo(64.6473428907062, 1e-9);
    expect(fit.fitted[7]).to.be.closeTo(52.6936231036572, 1e-9);
  });

  it('leaves out a predictor that repeats another (aliased, as lm() reports NA)', () => {
    // x2 = 2·x1: the fit is that of x1 alone, y = 1 + 2·x1
    const fit = ordinaryLeastSquares([f(1, 2, 3, 4), f(2, 4, 6, 8)], f(3, 5, 7, 9));
    expect(fit.p).to.equal(1);
    expect(fit.coefficients[1]?.estimate).to.equal(null);
    expect(fit.coefficients[0]?.estimate).to.be.closeTo(2, 1e-12);
    expect(fit.r2).to.equal(1);
  });

  it('leaves out a constant predictor', () => {
    const fit = ordinaryLeastSquares([f(5, 5, 5, 5), f(1, 2, 3, 4)], f(3, 5, 7, 9));
    expect(fit.coefficients[0]?.estimate).to.equal(null);
    expect(fit.coefficients[1]?.estimate).to.be.closeTo(2, 1e-12);
    expect(fit.intercept).to.be.closeTo(1, 1e-12);
  });
});
