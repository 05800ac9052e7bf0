import { expect } from 'chai';
import { satisfactionMeasures } from '../../server/evaluation/satisfaction-measures.js';

// Two communities and one street, two periods (period-major columns): a has an estimate in 2024,
// b too few respondents; in 2025 a has none at all (not surveyed) and b an estimate.
const surveys = {
  indicators: [
    {
      id: 'satisfaction_share',
      statistic: { share_at_least: 4 },
      levels: {
        community: {
          units: ['a', 'b'],
          estimate: [0.7, null, null, 0.55],
          low: [0.6, null, null, 0.45],
          high: [0.8, null, null, 0.65],
          n: [40, 12, 0, 35],
          missing: [null, 'sample_too_small', 'sample_too_small', null],
        },
        street: {
          units: ['S'],
          estimate: [0.66, 0.55],
          low: [0.58, 0.45],
          high: [0.74, 0.65],
          n: [52, 35],
          missing: [null, null],
        },
      },
    },
    { id: 'satisfaction_mean', statistic: 'mean' as const, levels: {} },
  ],
};

describe('survey section → satisfaction check input', () => {
  const measures = satisfactionMeasures(surveys, ['2024', '2025']);

  it('keeps an estimate with its interval and respondents, by period and unit of every level', () => {
    expect(measures[0]?.cells.get('2024')?.get('a')).to.deep.equal({
      estimate: 0.7,
      low: 0.6,
      high: 0.8,
      n: 40,
    });
    expect(measures[0]?.cells.get('2025')?.get('S')).to.deep.equal({
      estimate: 0.55,
      low: 0.45,
      high: 0.65,
      n: 35,
    });
  });

  it('passes on why an estimate is missing, and leaves out a unit without respondents', () => {
    expect(measures[0]?.cells.get('2024')?.get('b')).to.deep.equal({ missing: 'sample_too_small' });
    expect(measures[0]?.cells.get('2025')?.has('a')).to.equal(false);
  });

  it('tells a share from a mean', () => {
    expect(measures.map((m) => [m.indicator, m.statistic])).to.deep.equal([
      ['satisfaction_share', 'share'],
      ['satisfaction_mean', 'mean'],
    ]);
  });

  it('has no measure without a survey section', () => {
    expect(satisfactionMeasures(undefined, ['2025'])).to.deep.equal([]);
  });
});
