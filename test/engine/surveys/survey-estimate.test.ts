import { expect } from 'chai';
import { estimateSurvey } from '../../../server/engine/surveys/survey-estimate.js';
import { wilsonInterval } from '../../../server/engine/surveys/wilson-interval.js';

const ones = (n: number): number[] => Array.from({ length: n }, () => 1);

describe('survey estimates', () => {
  it('gives Wilson’s interval for 6 of 10 satisfied, without weights', () => {
    // p = 0.6, n = 10, z = 1.96, z² = 3.8416; denominator 1 + 3.8416/10 = 1.38416;
    // centre (0.6 + 0.19208) / 1.38416 = 0.572246; half = 1.96/1.38416 · √(0.024 + 0.009604)
    // = 1.416022 · 0.183314 = 0.259577 → [0.312670, 0.831822].
    const values = [5, 4, 4, 3, 2, 5, 4, 1, 3, 4];
    const e = estimateSurvey({ values, weights: ones(10) }, { share_at_least: 4 }, 10);
    expect(e.estimate).to.equal(0.6);
    expect(e.low).to.be.closeTo(0.31267, 1e-6);
    expect(e.high).to.be.closeTo(0.831822, 1e-6);
    expect(e.n).to.equal(10);
    expect(e.nEffective).to.be.closeTo(10, 1e-12);
    expect(e.missing).to.equal(null);
  });

  it('weights the share and uses Kish’s effective sample size in the interval', () => {
    // values 5, 2, 4, 1 with weights 3, 1, 2, 2: Σw = 8, at least 4: 3 + 2 = 5 → p = 0.625;
    // Σw² = 9 + 1 + 4 + 4 = 18, n_eff = 64/18 = 3.5556; Wilson(0.625, 3.5556):
    // denominator 1 + 3.8416/3.5556 = 2.08045; centre (0.625 + 0.540225)/2.08045 = 0.560078;
    // half = 0.942104 · √(0.065918 + 0.075969) = 0.354866 → [0.205212, 0.914954].
    const e = estimateSurvey({ values: [5, 2, 4, 1], weights: [3, 1, 2, 2] }, { share_at_least: 4 }, 4);
    expect(e.estimate).to.equal(0.625);
    expect(e.nEffective).to.be.closeTo(64 / 18, 1e-12);
    expect(e.low).to.be.closeTo(0.205212, 1e-6);
    expect(e.high).to.be.closeTo(0.914954, 1e-6);
    expect(e.n).to.equal(4);
  });

  it('gives the mean with ±1.96 standard errors, without weights', () => {
    // values 1…5: mean 3; SE² = Σ(x − 3)² / n² = 10 / 25 = 0.4, SE = 0.632456;
    // 1.96 · SE = 1.239613 → [1.760387, 4.239613].
    const e = estimateSurvey({ values: [1, 2, 3, 4, 5], weights: ones(5) }, 'mean', 5);
    expect(e.estimate).to.equal(3);
    expect(e.low).to.be.closeTo(1.760387, 1e-6);
    expect(e.high).to.be.closeTo(4.239613, 1e-6);
  });

  it('weights the mean and its standard error (with-replacement approximation)', () => {
    // values 5, 2, 4, 1, weights 3, 1, 2, 2: Σwx = 15 + 2 + 8 + 2 = 27, x̄ = 27/8 = 3.375;
    // Σw²(x − x̄)² = 9·1.625² + 1·1.375² + 4·0.625² + 4·2.375² = 23.765625 + 1.890625 + 1.5625
    // + 22.5625 = 49.78125; SE² = 49.78125 / 64 = 0.777832, SE = 0.881948, 1.96·SE = 1.728618
    // → [1.646382, 5.103618].
    const e = estimateSurvey({ values: [5, 2, 4, 1], weights: [3, 1, 2, 2] }, 'mean', 4);
    expect(e.estimate).to.equal(3.375);
    expect(e.low).to.be.closeTo(1.646382, 1e-6);
    expect(e.high).to.be.closeTo(5.103618, 1e-6);
  });

  it('withholds the estimate below the minimum sample, keeping n', () => {
    const e = estimateSurvey({ values: ones(29).map(() => 5), weights: ones(29) }, 'mean', 30);
    expect(e).to.deep.equal({
      estimate: null,
      low: null,
      high: null,
      n: 29,
      nEffective: 29,
      missing: 'sample_too_small',
    });
  });

  it('estimates at exactly the minimum sample', () => {
    const e = estimateSurvey({ values: ones(30).map(() => 5), weights: ones(30) }, { share_at_least: 4 }, 30);
    expect(e.estimate).to.equal(1);
    expect(e.high).to.equal(1);
    expect(e.missing).to.equal(null);
  });

  it('keeps Wilson’s interval inside [0, 1] at a share of 0', () => {
    // p = 0, n = 20: centre = (3.8416/40) / 1.19208 = 0.080565; half the same → low 0, high 0.161130.
    const { low, high } = wilsonInterval(0, 20);
    expect(low).to.equal(0);
    expect(high).to.be.closeTo(0.16113, 1e-5);
  });
});
