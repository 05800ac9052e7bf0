import { expect } from 'chai';
import { computeProgress } from '../../../../server/engine/context/progress/progress.js';
import { resolveProgressSettings } from '../../../../server/engine/context/progress/progress-settings.js';
import { PROGRESS_STATUSES } from '../../../../server/engine/context/progress/progress-status.js';
import { runPipeline } from '../../../../server/engine/pipeline.js';
import { smallInput } from '../../support/small-input.js';

const none = { method: 'none' };
// x: target 121 by 2025 from base 2023, i.e. 10 % a year needed; 2023 → 2024 is one year.
const panel = smallInput({
  units: ['a', 'b', 'c', 'd', 'e'],
  periods: ['2023', '2024'],
  indicators: [
    {
      id: 'x',
      parent: 'index',
      goalposts: { floor: 0, target: 121 },
      values: [
        [100, 100, 100, 100, null],
        [125, 112, 108, 97, 100],
      ],
    },
  ],
});

function statuses(base: string | undefined, targetPeriod: string): string[] {
  const result = runPipeline(panel, { treatment: none });
  const settings = resolveProgressSettings(
    { ...(base === undefined ? {} : { base }), target_period: targetPeriod },
    result.periodIds,
  );
  const progress = computeProgress(panel, result, settings);
  return Array.from(progress.series.get('x')!.status, (c) => PROGRESS_STATUSES[c] ?? '?');
}

describe('progress over periods', () => {
  it('gives each unit its status since the base period, none in the base period itself', () => {
    expect(statuses('2023', '2025')).to.deep.equal([
      ...['none', 'none', 'none', 'none', 'none'],
      ...['target_reached', 'on_track', 'moderate_progress', 'deterioration', 'none'],
    ]);
  });

  it('measures the growth needed to the target period the evaluation names', () => {
    // by 2030 the growth needed is 121/100 over 7 years = 2.76 % a year: 8 % is on track
    expect(statuses('2023', '2030').slice(5, 8)).to.deep.equal(['target_reached', 'on_track', 'on_track']);
  });

  it('counts the units in each status per period', () => {
    const result = runPipeline(panel, { treatment: none });
    const settings = resolveProgressSettings({ target_period: '2025' }, result.periodIds);
    const counts = Array.from(computeProgress(panel, result, settings).series.get('x')!.counts);
    // order: none, target reached, on track, moderate, limited, deterioration
    expect(counts).to.deep.equal([5, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 1]);
  });

  it('starts a unit without a base value from its next value', () => {
    const three = smallInput({
      units: ['a'],
      periods: ['2023', '2024', '2025'],
      indicators: [{ id: 'x', parent: 'index', values: [[null], [100], [99]] }],
    });
    const result = runPipeline(three, { treatment: none });
    const progress = computeProgress(three, result, resolveProgressSettings(undefined, result.periodIds));
    // 2024 has nothing before it to grow from; 2025: 100 → 99 in one year, −1 %: deterioration
    expect(Array.from(progress.series.get('x')!.status, (c) => PROGRESS_STATUSES[c])).to.deep.equal([
      'none',
      'none',
      'deterioration',
    ]);
    expect(progress.series.get('x')!.value[2]).to.be.closeTo(-0.01, 1e-12);
  });

  it('reads the index scores with the rule for series without a target', () => {
    // minmax per period, equal weights: index 2023 [0, 50, 100], 2024 [0, 51.67, 100]
    const two = smallInput({
      units: ['a', 'b', 'c'],
      periods: ['2023', '2024'],
      indicators: [
        {
          id: 'x',
          parent: 'index',
          values: [
            [10, 20, 30],
            [12, 20, 27],
          ],
        },
        {
          id: 'y',
          parent: 'index',
          values: [
            [1, 2, 3],
            [1, 2, 3],
          ],
        },
      ],
    });
    const result = runPipeline(two, { treatment: none });
    const index = computeProgress(
      two,
      result,
      resolveProgressSettings(undefined, result.periodIds),
    ).series.get('index')!;
    expect(index.target).to.equal(undefined);
    // a: 0 → 0 counts from 0.001 to 0, −100 %; b: 50 → 51.67, +3.3 % ≥ 1.5 %; c: 100 → 100, 0 %
    expect(Array.from(index.status.subarray(3), (c) => PROGRESS_STATUSES[c])).to.deep.equal([
      'deterioration',
      'on_track',
      'limited_progress',
    ]);
    expect(index.value[4]).to.be.closeTo(155 / 3 / 50 - 1, 1e-9);
  });
});
