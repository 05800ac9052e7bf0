import { expect } from 'chai';
import { completenessOf, type TreeUnit } from '../../server/intake/completeness.js';

const UNITS: TreeUnit[] = [
  { code: 'D1', level: 'district', parent: null },
  { code: 'S1', level: 'street', parent: 'D1' },
  { code: 'S2', level: 'street', parent: 'D1' },
  { code: 'A', level: 'community', parent: 'S1' },
  { code: 'B', level: 'community', parent: 'S1' },
  { code: 'C', level: 'community', parent: 'S2' },
];

describe('batch completeness per street and district', () => {
  it('counts the filled cells against every community × variable × period', () => {
    // S1: A fills 2 of 2, B 1 of 2 → 3 / 4; S2: C has no row → 0 / 2; D1: 3 / 6
    const rows = [
      { unit: 'A', period: '2025', values: { households: 300, grid_workers: 2 } },
      { unit: 'B', period: '2025', values: { households: 120 } },
    ];
    expect(completenessOf(UNITS, rows, ['households', 'grid_workers'], ['2025'])).to.deep.equal([
      { unit: 'D1', level: 'district', expected: 6, filled: 3, share: 0.5 },
      { unit: 'S1', level: 'street', expected: 4, filled: 3, share: 0.75 },
      { unit: 'S2', level: 'street', expected: 2, filled: 0, share: 0 },
    ]);
  });

  it('does not count values of variables the framework does not ask for', () => {
    const rows = [{ unit: 'C', period: '2025', values: { households: 1, other: 5 } }];
    const s2 = completenessOf(UNITS, rows, ['households'], ['2025']).find((c) => c.unit === 'S2');
    expect(s2).to.deep.equal({ unit: 'S2', level: 'street', expected: 1, filled: 1, share: 1 });
  });
});
