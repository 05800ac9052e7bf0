import { expect } from 'chai';
import {
  periodTime,
  resolveProgressSettings,
} from '../../../../server/engine/context/progress/progress-settings.js';
import { ValidationError } from '../../../../server/errors.js';

const periods = ['2023', '2024', '2025'];

function problemsOf(choice: unknown): string[] {
  try {
    resolveProgressSettings(choice, periods);
  } catch (error) {
    if (error instanceof ValidationError) return error.details.map((d) => d.where ?? '');
    throw error;
  }
  return [];
}

describe('progress settings', () => {
  it('defaults to the first period as base and five years after the latest as target period', () => {
    expect(resolveProgressSettings(undefined, periods)).to.deep.equal({
      base: '2023',
      targetPeriod: '2030',
      baseIndex: 0,
      targetTime: 2030,
    });
  });

  it('takes the base and target period the evaluation names', () => {
    const settings = resolveProgressSettings({ base: '2024', target_period: '2035' }, periods);
    expect(settings).to.deep.equal({ base: '2024', targetPeriod: '2035', baseIndex: 1, targetTime: 2035 });
  });

  it('refuses a base that is not a period before the latest', () => {
    expect(problemsOf({ base: '2025' })).to.deep.equal(['methods.progress.base']);
    expect(problemsOf({ base: '2019' })).to.deep.equal(['methods.progress.base']);
  });

  it('refuses a target period not after the latest', () => {
    expect(problemsOf({ target_period: '2024' })).to.deep.equal(['methods.progress.target_period']);
    expect(problemsOf({ target_period: 'soon' })).to.deep.equal(['methods.progress.target_period']);
  });

  it('refuses an unknown setting, naming it', () => {
    expect(problemsOf({ horizon: 3 })).to.deep.equal(['methods.progress.horizon']);
  });

  it('reads periods as times in years', () => {
    expect(periodTime('2024')).to.equal(2024);
    expect(periodTime('2024H2')).to.equal(2024.5);
    expect(periodTime('2024Q3')).to.equal(2024.5);
    expect(periodTime('2024M4')).to.equal(2024.25);
    expect(periodTime('2024Q5')).to.be.NaN;
  });

  it('keeps the kind of a quarterly latest period in the default target period', () => {
    expect(resolveProgressSettings(undefined, ['2024Q1', '2024Q2']).targetPeriod).to.equal('2029Q2');
  });
});
