import { expect } from 'chai';
import { CellFlag } from '../../../../server/engine/flags.js';
import { winsorise_log } from '../../../../server/engine/methods/treatment/winsorise_log.js';
import { column, plain, prepared } from '../../support/prepare.js';

// Expected values worked out by following COINr's Treat/winsorise/log_CT step by step, with
// e1071 type-2 skewness and kurtosis computed by hand.
const oneTo10 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('treatment: winsorise_log', () => {
  it('leaves a column that passes the skew/kurtosis check untouched', () => {
    const x = column(oneTo10);
    const outcome = prepared(winsorise_log).run(x);
    expect(outcome.result).to.equal('passed');
    expect(outcome.values).to.equal(x);
    expect(outcome.flags).to.equal(undefined);
  });

  it("winsorises the top point of COINr's example 1:10, 30, 100 and stops when it passes", () => {
    // skew 3.0632 and kurtosis 9.7414 fail; 100 → 30 gives skew 1.7120 < 2: passes after one point.
    const outcome = prepared(winsorise_log).run(column([...oneTo10, 30, 100]));
    expect(outcome.result).to.equal('winsorised');
    expect(plain(outcome.values)).to.deep.equal([...oneTo10, 30, 30]);
    expect(outcome.details.nwin).to.equal(1);
    expect(outcome.details.skew).to.be.closeTo(3.0632410342394985, 1e-12);
    expect(outcome.details.kurt).to.be.closeTo(9.741390834569144, 1e-12);
    expect(outcome.details.skewAfter).to.be.closeTo(1.7120380600890506, 1e-12);
  });

  it('flags only the cells winsorisation moved, as moved down from the top', () => {
    const outcome = prepared(winsorise_log).run(column([...oneTo10, 30, 100]));
    expect(Array.from(outcome.flags ?? [])).to.deep.equal([
      ...oneTo10.map(() => 0),
      0,
      CellFlag.WinsorisedHigh,
    ]);
  });

  it('moves every tied point together and counts them in nwin', () => {
    // 15 zeros then 1, 2, 4 … 128: 128 → 64 (1 point), then both 64s → 32 (nwin 2): passes.
    const outcome = prepared(winsorise_log).run(
      column([...Array<number>(15).fill(0), 1, 2, 4, 8, 16, 32, 64, 128]),
    );
    expect(outcome.result).to.equal('winsorised');
    expect(plain(outcome.values).slice(-3)).to.deep.equal([32, 32, 32]);
    expect(outcome.details.nwin).to.equal(2);
  });

  it('winsorises from the bottom when the skew is negative', () => {
    const outcome = prepared(winsorise_log).run(column([-100, -30, ...oneTo10]));
    expect(plain(outcome.values)).to.deep.equal([-30, -30, ...oneTo10]);
    expect(outcome.flags?.[0]).to.equal(CellFlag.WinsorisedLow);
  });

  it('log-transforms the original column when winmax points are not enough', () => {
    // 100 zeros and 10, 20 … 100: still failing after 5 points, so log(x - min + 0.01 (max - min)).
    const x = [...Array<number>(100).fill(0), 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    const outcome = prepared(winsorise_log).run(column(x));
    expect(outcome.result).to.equal('log_transformed');
    expect(outcome.details.nwin).to.equal(5);
    expect(outcome.values[0]).to.be.closeTo(Math.log(1), 1e-15);
    expect(outcome.values[109]).to.be.closeTo(Math.log(101), 1e-12);
    expect(outcome.flags?.[0]).to.equal(CellFlag.LogTransformed);
  });

  it('respects winmax: one point allowed means straight to the log when one is not enough', () => {
    const x = [...Array<number>(15).fill(0), 1, 2, 4, 8, 16, 32, 64, 128];
    const outcome = prepared(winsorise_log, { winmax: 1 }).run(column(x));
    expect(outcome.result).to.equal('log_transformed');
    expect(outcome.values[22]).to.be.closeTo(Math.log(128 + 1.28), 1e-12);
  });

  it('skips missing values and keeps them missing', () => {
    const outcome = prepared(winsorise_log).run(column([...oneTo10, null, 30, 100]));
    expect(plain(outcome.values)).to.deep.equal([...oneTo10, null, 30, 30]);
  });

  it('leaves a column with fewer than four values untested, as COINr cannot test it', () => {
    const x = column([1, 2, 1000]);
    const outcome = prepared(winsorise_log).run(x);
    expect(outcome.result).to.equal('not_tested');
    expect(outcome.values).to.equal(x);
  });

  it('leaves a constant column untested instead of producing NaN', () => {
    const outcome = prepared(winsorise_log).run(column([5, 5, 5, 5, 5]));
    expect(outcome.result).to.equal('not_tested');
    expect(plain(outcome.values)).to.deep.equal([5, 5, 5, 5, 5]);
  });

  it("defaults to COINr's thresholds: skew 2, kurtosis 3.5, winmax 5", () => {
    expect(prepared(winsorise_log).params).to.deep.equal({ skew: 2, kurtosis: 3.5, winmax: 5 });
  });
});
