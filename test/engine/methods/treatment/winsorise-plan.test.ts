import { expect } from 'chai';
import fc from 'fast-check';
import { planWinsorisation } from '../../../../server/engine/methods/treatment/winsorise-plan.js';
import {
  clamp,
  winsorise,
  winsorise_log,
} from '../../../../server/engine/methods/treatment/winsorise_log.js';
import { skewness } from '../../../../server/engine/numeric/skew-kurtosis.js';
import { checkSkewKurt } from '../../../../server/engine/methods/treatment/skew-kurt-check.js';
import { column, plain, prepared } from '../../support/prepare.js';

const params = { skew: 2, kurtosis: 3.5, winmax: 5 };

/** Long skewed columns: exp of moderate values, a few large outliers, some ties and gaps. */
const skewedColumn = fc
  .tuple(
    fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 200, maxLength: 400 }),
    fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 0, maxLength: 6 }),
    fc.array(fc.nat({ max: 199 }), { maxLength: 5 }),
  )
  .map(([body, outliers, gaps]) => {
    const values: (number | null)[] = [...body.map((v) => Math.exp(v / 100)), ...outliers.map((v) => v * 20)];
    for (const g of gaps) values[g] = null;
    return column(values);
  });

describe('treatment: the planned winsorisation route', () => {
  it('stops where the step-by-step loop stops, with the same values and nwin', () => {
    let compared = 0;
    fc.assert(
      fc.property(skewedColumn, (x) => {
        // The loop only runs on a column that fails the check.
        if (checkSkewKurt(x, params.skew, params.kurtosis).pass !== false) return;
        const plan = planWinsorisation(x, params);
        if (plan === undefined) return;
        const stepwise = winsorise(x, params, skewness(x));
        expect(plain(clamp(x, plan))).to.deep.equal(plain(stepwise.values));
        expect(plan.nwin).to.equal(stepwise.nwin);
        compared++;
      }),
      { numRuns: 200, seed: 20_24 },
    );
    expect(compared).to.be.greaterThan(50);
  });

  it('moves 900 to 400, then both 400s to 10, as the loop does (nwin 2)', () => {
    const x = column(
      Array.from({ length: 240 }, (_, i) => (i % 24 < 10 ? (i % 24) + 1 : 5)).concat([400, 900]),
    );
    const plan = planWinsorisation(x, params);
    expect(plan?.high).to.equal(10);
    expect(plan?.nwin).to.equal(2);
    expect(plain(winsorise(x, params, skewness(x)).values).slice(-2)).to.deep.equal([10, 10]);
  });

  it('gives up when the column has too few distinct values, so the loop runs instead', () => {
    const x = column([...Array<number>(300).fill(0), 1, 1, 1, 50]);
    expect(planWinsorisation(x, params)).to.equal(undefined);
  });

  it('leaves long columns treated exactly as the step-by-step loop would', () => {
    fc.assert(
      fc.property(skewedColumn, (x) => {
        const outcome = prepared(winsorise_log).run(x);
        if (outcome.result !== 'winsorised') return;
        expect(plain(outcome.values)).to.deep.equal(plain(winsorise(x, params, skewness(x)).values));
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
