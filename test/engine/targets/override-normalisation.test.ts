import { expect } from 'chai';
import { runPipeline } from '../../../server/engine/pipeline.js';
import type { EngineInput, MethodChoices, TargetOverride } from '../../../server/engine/types.js';
import { smallInput } from '../support/small-input.js';

/** Four units, two periods; units 2 and 3 are rural. Default goalposts: floor 0, target 100. */
function input(targetOverrides?: readonly TargetOverride[]): EngineInput {
  const base = smallInput({
    units: ['a', 'b', 'c', 'd'],
    periods: ['2024', '2025'],
    indicators: [
      {
        id: 'x',
        parent: 'index',
        goalposts: { floor: 0, target: 100 },
        values: [
          [20, 50, 35, 80],
          [40, 60, 35, 90],
        ],
      },
    ],
  });
  return {
    ...base,
    units: { ...base.units, settlement: ['urban', 'urban', 'rural', 'rural'] },
    ...(targetOverrides === undefined ? {} : { targetOverrides }),
  };
}

const rural: TargetOverride = {
  indicator: 'x',
  when: { urbanRural: 'rural' },
  goalposts: { floor: 0, target: 70 },
};
const choices = (method: string): MethodChoices => ({
  treatment: { method: 'none' },
  normalisation: { method, ...(method === 'distance_to_target' ? { cap_max: true } : {}) },
});

describe('targets that fit: goalpost normalisation under overrides', () => {
  it('scores rural rows against their own target 70 and the others against 100', () => {
    // rural: 35 / 70 = 50, 80 / 70 → 100 (censored), 90 → 100; urban: x / 100 × 100
    const result = runPipeline(input([rural]), choices('goalposts'));
    expect(Array.from(result.normalised.values.get('x') ?? [])).to.deep.equal([
      20, 50, 50, 100, 40, 60, 50, 100,
    ]);
  });

  it('keeps the worst value of every unit as the distance-to-target bound', () => {
    // 2024: min 20. urban (target 100): 1 - (100 - x) / 80 → 20: 0, 50: 0.375; rural (target 70):
    // 1 - (70 - x) / 50 → 35: 0.3, 80: 1.2 capped to 1.
    const result = runPipeline(input([rural]), choices('distance_to_target'));
    const values = Array.from(result.normalised.values.get('x') ?? []).slice(0, 4);
    [0, 0.375, 0.3, 1].forEach((expected, i) => expect(values[i]).to.be.closeTo(expected, 1e-12));
  });

  it('applies a period condition to that period only', () => {
    const later: TargetOverride = {
      indicator: 'x',
      when: { period: '2025' },
      goalposts: { floor: 20, target: 60 },
    };
    // 2025 against 20..60: 40 → 50, 60 → 100, 35 → 37.5, 90 → 100 (censored)
    const result = runPipeline(input([later]), choices('goalposts'));
    expect(Array.from(result.normalised.values.get('x') ?? [])).to.deep.equal([
      20, 50, 35, 80, 50, 100, 37.5, 100,
    ]);
  });

  it('gives the same normalised values as before when an override sets thresholds only', () => {
    const lightsOnly: TargetOverride = {
      indicator: 'x',
      when: { urbanRural: 'rural' },
      thresholds: { green: 70, yellow: 50, orange: 30 },
    };
    const plain = runPipeline(input(), choices('goalposts')).normalised.values.get('x');
    const withOverride = runPipeline(input([lightsOnly]), choices('goalposts')).normalised.values.get('x');
    expect(Array.from(withOverride ?? [])).to.deep.equal(Array.from(plain ?? []));
  });

  it('does not touch methods that do not read goalposts', () => {
    const plain = runPipeline(input(), choices('minmax')).normalised.values.get('x');
    const withOverride = runPipeline(input([rural]), choices('minmax')).normalised.values.get('x');
    expect(Array.from(withOverride ?? [])).to.deep.equal(Array.from(plain ?? []));
  });
});
