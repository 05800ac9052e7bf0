import { expect } from 'chai';
import {
  LIST_LENGTH,
  satisfactionCheck,
  type SatisfactionCell,
} from '../../../server/engine/surveys/satisfaction-check.js';
import { satisfactionFit } from '../../../server/engine/surveys/satisfaction-fit.js';

/*
 * Five surveyed units A–E with index scores x = 10, 20, 30, 40, 50 and satisfaction y = 60, 70, 65, 90, 80.
 * Means 30 and 73; deviations dx = −20, −10, 0, 10, 20 and dy = −13, −3, −8, 17, 7.
 * Sxy = 260 + 30 + 0 + 170 + 140 = 600, Sxx = 1000, Syy = 169 + 9 + 64 + 289 + 49 = 580.
 * r = 600 / √(1000 × 580) = 0.787839…; slope = 0.6, intercept = 73 − 0.6 × 30 = 55.
 * Predicted 61, 67, 73, 79, 85; residuals −1, 3, −8, 11, −5; SSE = 220; s = √(220 / 3) = 8.563488….
 * Standardised −0.116775, 0.350325, −0.934199, 1.284523, −0.583874.
 * Ranks of y: 1, 3, 2, 5, 4 against 1…5: Σd² = 4, ρ = 1 − 6 × 4 / (5 × 24) = 0.8.
 * Intervals: C [58, 72] lies wholly below its 73 (−1); D [80, 98] wholly above its 79 (+1);
 * E [70, 90] holds its 85 (0).
 * F's sample was too small, G was not surveyed, H was surveyed but has no dimension score.
 */
const codes = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
const index = [10, 20, 30, 40, 50, 35, 45, 25];
const dimension = [10, 20, 30, 40, 50, 35, 45, Number.NaN];
const cell = (estimate: number, low: number, high: number, n = 30): SatisfactionCell => ({
  estimate,
  low,
  high,
  n,
});
const survey = new Map<string, SatisfactionCell>([
  ['A', cell(60, 50, 70)],
  ['B', cell(70, 60, 80)],
  ['C', cell(65, 58, 72)],
  ['D', cell(90, 80, 98)],
  ['E', cell(80, 70, 90)],
  ['F', { missing: 'sample_too_small' }],
  ['H', cell(73, 60, 86)],
]);

function check() {
  return satisfactionCheck({
    codes,
    periodIds: ['2025'],
    nodes: ['coverage', 'index'],
    scores: new Map([
      ['coverage', Float64Array.from(dimension)],
      ['index', Float64Array.from(index)],
    ]),
    satisfaction: new Map([['2025', survey]]),
  });
}

describe('satisfaction check: scores against residents’ satisfaction', () => {
  it('fits satisfaction on the score: slope 0.6, intercept 55, residual SE √(220/3)', () => {
    const fit = satisfactionFit([10, 20, 30, 40, 50], [60, 70, 65, 90, 80]);
    expect(fit?.slope).to.be.closeTo(0.6, 1e-12);
    expect(fit?.intercept).to.be.closeTo(55, 1e-12);
    expect(fit?.residualSe).to.be.closeTo(Math.sqrt(220 / 3), 1e-12);
    expect(fit?.residual.map((e) => Math.round(e * 1e9) / 1e9)).to.deep.equal([-1, 3, -8, 11, -5]);
  });

  it('gives no line with fewer than three units or without spread', () => {
    expect(satisfactionFit([1, 2], [3, 4])).to.equal(null);
    expect(satisfactionFit([5, 5, 5], [1, 2, 3])).to.equal(null);
  });

  it('correlates over the units with both: r = 0.7878, ρ = 0.8, n = 5', () => {
    const dim = check()[0]?.nodes[0];
    expect(dim?.n).to.equal(5);
    expect(dim?.pearson).to.be.closeTo(600 / Math.sqrt(580_000), 1e-12);
    expect(dim?.spearman).to.be.closeTo(0.8, 1e-12);
  });

  it('leaves out and counts the units with a missing estimate, not surveyed, or without a score', () => {
    const period = check()[0];
    expect(period?.units).to.deep.equal(['A', 'B', 'C', 'D', 'E', 'H']);
    expect(period?.missing).to.deep.equal({ sample_too_small: 1 });
    expect(period?.notSurveyed).to.equal(1);
    expect(period?.nodes[0]?.scoreMissing).to.equal(1);
    expect(period?.nodes[1]?.scoreMissing).to.equal(0);
    expect(period?.nodes[1]?.n).to.equal(6);
  });

  it('standardises the residuals by the residual standard error', () => {
    const dim = check()[0]?.nodes[0];
    const s = Math.sqrt(220 / 3);
    const expected = [-1 / s, 3 / s, -8 / s, 11 / s, -5 / s];
    dim?.standardised.slice(0, 5).forEach((z, i) => expect(z).to.be.closeTo(expected[i] ?? 0, 1e-12));
    expect(dim?.standardised[5]).to.equal(null);
    expect(dim?.predicted.slice(0, 5).map((p) => Math.round((p ?? 0) * 1e9) / 1e9)).to.deep.equal([
      61, 67, 73, 79, 85,
    ]);
  });

  it('flags a disagreement only when the whole interval lies on one side of the predicted value', () => {
    const dim = check()[0]?.nodes[0];
    // C: 72 < 73 → −1; D: 80 > 79 → +1; E: 85 inside [70, 90] → 0; A, B hold theirs.
    expect(dim?.beyond).to.deep.equal([0, 0, -1, 1, 0, null]);
    expect(dim?.beyondBelow).to.equal(1);
    expect(dim?.beyondAbove).to.equal(1);
  });

  it('lists the units less satisfied than their score predicts, most negative first, and the reverse', () => {
    const dim = check()[0]?.nodes[0];
    // Units index into the period's units: A 0, B 1, C 2, D 3, E 4.
    expect(dim?.lessSatisfied).to.deep.equal([2, 4, 0]);
    expect(dim?.moreSatisfied).to.deep.equal([3, 1]);
  });

  it('keeps at most the list length in each disagreement list', () => {
    const many = Array.from({ length: 30 }, (_, i) => `U${i}`);
    const result = satisfactionCheck({
      codes: many,
      periodIds: ['2025'],
      nodes: ['index'],
      scores: new Map([['index', Float64Array.from(many, (_, i) => i)]]),
      satisfaction: new Map([
        ['2025', new Map(many.map((c, i) => [c, cell(50 + (i % 2 === 0 ? 5 : -5), 40, 60)] as const))],
      ]),
    });
    expect(result[0]?.nodes[0]?.lessSatisfied.length).to.equal(LIST_LENGTH);
    expect(result[0]?.nodes[0]?.moreSatisfied.length).to.equal(LIST_LENGTH);
  });

  it('states no correlation, line or list below three units', () => {
    const result = satisfactionCheck({
      codes: ['A', 'B'],
      periodIds: ['2025'],
      nodes: ['index'],
      scores: new Map([['index', Float64Array.of(10, 20)]]),
      satisfaction: new Map([
        [
          '2025',
          new Map([
            ['A', cell(60, 50, 70)],
            ['B', cell(70, 60, 80)],
          ]),
        ],
      ]),
    });
    const node = result[0]?.nodes[0];
    expect(node?.n).to.equal(2);
    expect([node?.pearson, node?.spearman, node?.slope]).to.deep.equal([null, null, null]);
    expect(node?.beyond).to.deep.equal([null, null]);
    expect(node?.lessSatisfied).to.deep.equal([]);
  });

  it('counts every unit as not surveyed in a period the survey did not cover', () => {
    const result = satisfactionCheck({
      codes,
      periodIds: ['2024'],
      nodes: ['index'],
      scores: new Map([['index', Float64Array.from(index)]]),
      satisfaction: new Map([['2025', survey]]),
    });
    expect(result[0]?.notSurveyed).to.equal(codes.length);
    expect(result[0]?.nodes[0]?.n).to.equal(0);
  });
});
