import { expect } from 'chai';
import { resolveTargetRows } from '../../../server/engine/targets/resolve-targets.js';
import type { TargetOverride } from '../../../server/engine/types.js';

const thresholds = { green: 80, yellow: 60, orange: 40 };

describe('targets that fit: which override applies to each unit and period', () => {
  const units = {
    settlement: ['urban', 'rural', 'rural'] as const,
    attributes: new Map([['peer_group', ['old', 'old', 'new']]]),
    level: 'community',
  };

  it('applies an urban/rural override to the rural units only, in every period', () => {
    const overrides: TargetOverride[] = [{ indicator: 'x', when: { urbanRural: 'rural' }, thresholds }];
    const rows = resolveTargetRows(overrides, units, 3, ['2024', '2025']).get('x');
    expect(Array.from(rows ?? [])).to.deep.equal([-1, 0, 0, -1, 0, 0]);
  });

  it('requires every condition: rural and peer group "old" and period 2025', () => {
    const overrides: TargetOverride[] = [
      { indicator: 'x', when: { urbanRural: 'rural', peerGroup: 'old', period: '2025' }, thresholds },
    ];
    const rows = resolveTargetRows(overrides, units, 3, ['2024', '2025']).get('x');
    expect(Array.from(rows ?? [])).to.deep.equal([-1, -1, -1, -1, 0, -1]);
  });

  it('prefers the override with more conditions, whatever its place in the list', () => {
    const overrides: TargetOverride[] = [
      { indicator: 'x', when: { urbanRural: 'rural' }, thresholds },
      { indicator: 'x', when: { urbanRural: 'rural', peerGroup: 'new' }, thresholds },
    ];
    const rows = resolveTargetRows(overrides, units, 3, ['2024']).get('x');
    expect(Array.from(rows ?? [])).to.deep.equal([-1, 0, 1]);
  });

  it('takes the first listed among equally specific overrides', () => {
    const overrides: TargetOverride[] = [
      { indicator: 'x', when: { peerGroup: 'old' }, thresholds },
      { indicator: 'x', when: { urbanRural: 'urban' }, thresholds },
    ];
    const rows = resolveTargetRows(overrides, units, 3, ['2024']).get('x');
    expect(Array.from(rows ?? [])).to.deep.equal([0, 0, -1]);
  });

  it('matches a level condition against the units level', () => {
    const overrides: TargetOverride[] = [{ indicator: 'x', when: { level: 'street' }, thresholds }];
    expect(Array.from(resolveTargetRows(overrides, units, 3, ['2024']).get('x') ?? [])).to.deep.equal([
      -1, -1, -1,
    ]);
    const streets = resolveTargetRows(overrides, { level: 'street' }, 2, ['2024']).get('x');
    expect(Array.from(streets ?? [])).to.deep.equal([0, 0]);
  });

  it('keeps one table per overridden indicator and none for the others', () => {
    const overrides: TargetOverride[] = [
      { indicator: 'x', when: { period: '2024' }, thresholds },
      { indicator: 'y', when: { period: '2025' }, thresholds },
    ];
    const tables = resolveTargetRows(overrides, units, 3, ['2024', '2025']);
    expect([...tables.keys()]).to.deep.equal(['x', 'y']);
    expect(Array.from(tables.get('y') ?? [])).to.deep.equal([-1, -1, -1, 1, 1, 1]);
    expect(resolveTargetRows(undefined, units, 3, ['2024']).size).to.equal(0);
  });
});
