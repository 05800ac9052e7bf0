/**
 * Reporting periods: a year ("2025"), a half ("2025H1"), a quarter ("2025Q3") or a month
 * ("2025-07"), each with a bilingual label and its first and last day. The store keeps them
 * (store/models/period.ts validates them); the CLI and the intake name them.
 */
import { ValidationError } from '../errors.js';
import type { Bilingual } from './bilingual.js';

export const PERIOD_ID_PATTERN = '^[0-9]{4}(Q[1-4]|H[12]|-(0[1-9]|1[0-2]))?$';

export interface Period {
  readonly id: string;
  readonly label: Bilingual;
  /** First day, YYYY-MM-DD. */
  readonly start: string;
  /** Last day, YYYY-MM-DD. */
  readonly end: string;
}

function isoDay(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** The last day of a month: day 0 of the next one. */
function monthEnd(year: number, month: number): string {
  return isoDay(year, month + 1, 0);
}

/**
 * The period an id names, with labels and dates worked out from the id.
 *
 * @example periodFromId('2025Q3') // { id: '2025Q3', label: { zh: '2025年第3季度', en: '2025 Q3' }, start: '2025-07-01', end: '2025-09-30' }
 */
export function periodFromId(id: string): Period {
  const match = /^(\d{4})(?:Q([1-4])|H([12])|-(0[1-9]|1[0-2]))?$/.exec(id);
  const year = Number(match?.[1]);
  if (match === null || !Number.isInteger(year)) {
    throw new ValidationError(`"${id}" is not a period: use 2025, 2025H1, 2025Q3 or 2025-07`, [
      { where: 'period', message: `found ${JSON.stringify(id)}` },
    ]);
  }
  const [, , quarter, half, month] = match;
  if (quarter !== undefined) {
    const q = Number(quarter);
    const label = { zh: `${year}年第${q}季度`, en: `${year} Q${q}` };
    return { id, label, start: isoDay(year, 3 * q - 2, 1), end: monthEnd(year, 3 * q) };
  }
  if (half !== undefined) {
    const h = Number(half);
    const label = { zh: `${year}年${h === 1 ? '上' : '下'}半年`, en: `${year} H${h}` };
    return { id, label, start: isoDay(year, 6 * h - 5, 1), end: monthEnd(year, 6 * h) };
  }
  if (month !== undefined) {
    const m = Number(month);
    return {
      id,
      label: { zh: `${year}年${m}月`, en: id },
      start: isoDay(year, m, 1),
      end: monthEnd(year, m),
    };
  }
  return {
    id,
    label: { zh: `${year}年`, en: `${year}` },
    start: isoDay(year, 1, 1),
    end: isoDay(year, 12, 31),
  };
}
