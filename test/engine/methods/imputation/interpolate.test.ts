import { expect } from 'chai';
import { CellFlag } from '../../../../server/engine/flags.js';
import { interpolate } from '../../../../server/engine/methods/imputation/interpolate.js';
import { runPipeline } from '../../../../server/engine/pipeline.js';
import { plain, prepared } from '../../support/prepare.js';
import { imputationTarget } from '../../support/imputation-target.js';
import { smallInput } from '../../support/small-input.js';

/** A target for period `index` of the given columns (one array per period, one value per unit). */
function targetAt(columns: (number | null)[][], index: number) {
  const target = imputationTarget(columns[index] ?? []);
  const all = columns.map((c, p) => (p === index ? target.values : Float64Array.from(c, (v) => v ?? NaN)));
  return { ...target, periods: { index, columns: all } };
}

describe('imputation: interpolate', () => {
  it('fills a one-period gap halfway between its neighbours (10, ?, 30 → 20)', () => {
    const target = targetAt([[10], [null], [30]], 1);
    prepared(interpolate).run(target);
    expect(plain(target.values)).to.deep.equal([20]);
    expect(target.flags[0]).to.equal(CellFlag.Imputed);
  });

  it('fills a two-period gap on the straight line (10, ?, ?, 40 → 20 then 30)', () => {
    const result = runPipeline(
      smallInput({
        units: ['a', 'b'],
        periods: ['2023', '2024', '2025', '2026'],
        indicators: [
          {
            id: 'x',
            parent: 'index',
            values: [
              [10, 4],
              [null, null],
              [null, 8],
              [40, null],
            ],
          },
        ],
      }),
      { treatment: { method: 'none' }, imputation: { method: 'interpolate' } },
    );
    // unit b: 4, ?, 8 → 6 in 2024; nothing after 8, so 2026 stays missing
    expect(plain(result.imputed.values.get('x')!)).to.deep.equal([10, 4, 20, 6, 30, 8, 40, null]);
  });

  it('does not extrapolate before the first value', () => {
    const target = targetAt([[null], [5], [7]], 0);
    const outcome = prepared(interpolate).run(target);
    expect(target.values[0]).to.be.NaN;
    expect(outcome.unfilled).to.equal(1);
  });

  it('does not extrapolate after the last value', () => {
    const target = targetAt([[5], [7], [null]], 2);
    prepared(interpolate).run(target);
    expect(target.values[0]).to.be.NaN;
  });
});
