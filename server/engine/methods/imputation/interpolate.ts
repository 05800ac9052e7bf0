/**
 * Linear interpolation between observed periods: a missing value between two periods in which the
 * unit has a value lies on the straight line between them, by the periods' order (equally spaced).
 * A gap before the unit's first value or after its last one is not extrapolated: it stays missing
 * (choose last_period to carry a last value forward instead).
 *
 * @example periods 2023 [10, 4], 2024 [NaN, NaN], 2025 [NaN, 8], 2026 [40, NaN]
 * // unit 0: 2024 → 20, 2025 → 30; unit 1: 2024 → 6, 2025 stays 8, 2026 stays missing
 */
import { paramsSchema } from '../param-schemas.js';
import { fillMissing, type ImputationMethod, type ImputationTarget } from './contract.js';

/** The nearest period in `step` direction where the unit has a value, or −1. */
function nearest(target: ImputationTarget, unit: number, step: 1 | -1): number {
  const { index, columns } = target.periods;
  for (let p = index + step; p >= 0 && p < columns.length; p += step) {
    const value = columns[p]?.[unit] ?? Number.NaN;
    if (value === value) return p;
  }
  return -1;
}

function between(target: ImputationTarget, unit: number): number {
  const before = nearest(target, unit, -1);
  const after = nearest(target, unit, 1);
  if (before < 0 || after < 0) return Number.NaN;
  const { index, columns } = target.periods;
  const from = columns[before]?.[unit] ?? Number.NaN;
  const to = columns[after]?.[unit] ?? Number.NaN;
  return from + ((to - from) * (index - before)) / (after - before);
}

export const interpolate: ImputationMethod<'interpolate'> = {
  name: 'interpolate',
  params: paramsSchema(),
  label: { zh: '相邻期线性插值', en: 'linear interpolation between periods' },
  explain: {
    zh: '缺失值取该单位前后两个有数据时期之间的直线值；首期之前和末期之后不外推，保持缺失。',
    en: "A missing value lies on the straight line between the unit's values in the nearest periods before and after it; gaps before the first or after the last value stay missing.",
  },
  prepare: () => ({
    name: 'interpolate',
    params: {},
    run: (target) => fillMissing(target, (unit) => between(target, unit)),
  }),
};
