import { expect } from 'chai';
import {
  cagr,
  ProgressStatus,
  progressStatus,
} from '../../../../server/engine/context/progress/progress-status.js';

// With a target: base 100, target 121 two years later, so the growth needed is 10 % a year.
const targeted = { base: 100, years: 1, direction: 1 as const, target: 121, targetYears: 2 };

describe('progress status (Open SDG)', () => {
  it('computes the compound annual growth rate', () => {
    expect(cagr(100, 121, 2)).to.be.closeTo(0.1, 1e-12);
  });

  it('reports target reached when the value is at the target', () => {
    expect(progressStatus({ ...targeted, current: 121 }).status).to.equal(ProgressStatus.TargetReached);
  });

  it('reports target reached below the target of a lower-is-better indicator', () => {
    const outcome = progressStatus({
      base: 400,
      current: 290,
      years: 2,
      direction: -1,
      target: 300,
      targetYears: 7,
    });
    expect(outcome.status).to.equal(ProgressStatus.TargetReached);
  });

  it('is on track when growth is at least 0.95 of the growth needed (12 % of 10 %: 1.2)', () => {
    const outcome = progressStatus({ ...targeted, current: 112 });
    expect(outcome.status).to.equal(ProgressStatus.OnTrack);
    expect(outcome.value).to.be.closeTo(1.2, 1e-9);
  });

  it('is moderate progress from 0.6 to 0.95 of the growth needed (8 % of 10 %: 0.8)', () => {
    const outcome = progressStatus({ ...targeted, current: 108 });
    expect(outcome.status).to.equal(ProgressStatus.Moderate);
    expect(outcome.value).to.be.closeTo(0.8, 1e-9);
  });

  it('is limited progress from 0 to 0.6 of the growth needed (3 % of 10 %: 0.3)', () => {
    const outcome = progressStatus({ ...targeted, current: 103 });
    expect(outcome.status).to.equal(ProgressStatus.Limited);
    expect(outcome.value).to.be.closeTo(0.3, 1e-9);
  });

  it('is deterioration when the value moved away from the target (−3 % against 10 %: −0.3)', () => {
    const outcome = progressStatus({ ...targeted, current: 97 });
    expect(outcome.status).to.equal(ProgressStatus.Deterioration);
    expect(outcome.value).to.be.closeTo(-0.3, 1e-9);
  });

  it('reads a lower-is-better indicator in its direction (−8 % against −10 % needed: 0.8)', () => {
    const outcome = progressStatus({
      base: 100,
      current: 92,
      years: 1,
      direction: -1,
      target: 81,
      targetYears: 2,
    });
    expect(outcome.status).to.equal(ProgressStatus.Moderate);
    expect(outcome.value).to.be.closeTo(0.8, 1e-9);
  });

  it('uses annual growth over several years (50 → 60.5 in 2 years is 10 % a year)', () => {
    // needed: (100 / 50)^(1/7) − 1 = 10.409 % a year; 10 / 10.409 = 0.961 ≥ 0.95
    const outcome = progressStatus({
      base: 50,
      current: 60.5,
      years: 2,
      direction: 1,
      target: 100,
      targetYears: 7,
    });
    expect(outcome.status).to.equal(ProgressStatus.OnTrack);
    expect(outcome.value).to.be.closeTo(0.961, 0.001);
  });

  describe('without a target (growth thresholds 1.5 % and 0.5 % a year)', () => {
    const plain = { base: 100, years: 1, direction: 1 as const };

    it('is on track at 2 % a year', () => {
      expect(progressStatus({ ...plain, current: 102 }).status).to.equal(ProgressStatus.OnTrack);
    });

    it('is moderate progress at 1 % a year', () => {
      expect(progressStatus({ ...plain, current: 101 }).status).to.equal(ProgressStatus.Moderate);
    });

    it('is limited progress at 0.2 % a year', () => {
      expect(progressStatus({ ...plain, current: 100.2 }).status).to.equal(ProgressStatus.Limited);
    });

    it('is deterioration at −1 % a year', () => {
      const outcome = progressStatus({ ...plain, current: 99 });
      expect(outcome.status).to.equal(ProgressStatus.Deterioration);
      expect(outcome.value).to.be.closeTo(-0.01, 1e-12);
    });

    it('counts a fall as progress for a lower-is-better series (−2 % a year)', () => {
      expect(progressStatus({ ...plain, current: 98, direction: -1 }).status).to.equal(
        ProgressStatus.OnTrack,
      );
    });

    it('never reports target reached', () => {
      expect(progressStatus({ ...plain, current: 1000 }).status).to.equal(ProgressStatus.OnTrack);
    });
  });

  it('takes a base of 0 as 0.001, as Open SDG does', () => {
    const outcome = progressStatus({ base: 0, current: 0.002, years: 1, direction: 1 });
    expect(outcome.value).to.be.closeTo(1, 1e-9);
  });

  it('turns the sign for a negative base (−10 → −5 is a rise)', () => {
    const outcome = progressStatus({ base: -10, current: -5, years: 1, direction: 1 });
    expect(outcome.status).to.equal(ProgressStatus.OnTrack);
    expect(outcome.value).to.be.closeTo(0.5, 1e-12);
  });

  it('has no status for a base and a current value of opposite signs', () => {
    expect(progressStatus({ base: -10, current: 5, years: 1, direction: 1 }).status).to.equal(
      ProgressStatus.None,
    );
  });

  it('has no status without both values', () => {
    expect(progressStatus({ base: Number.NaN, current: 5, years: 1, direction: 1 }).status).to.equal(
      ProgressStatus.None,
    );
  });
});
