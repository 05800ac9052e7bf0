/**
 * Key cells as the store wants them: unit codes as trimmed text (an XLSX number such as
 * 420102001001 becomes its digits), periods normalised to 2025, 2025Q3, 2025H1 or 2025-07
 * (2025年, 2025-Q3 and 2025q3 are understood).
 *
 * @example periodOf('2025年') === '2025'; periodOf(' 2025-q3 ') === '2025Q3'
 */
import { PERIOD_ID_PATTERN } from '../domain/period.js';
import { UNIT_CODE_PATTERN } from '../domain/schemas.js';
import { cellText, type Cell } from './table.js';

const PERIOD = new RegExp(PERIOD_ID_PATTERN);
const UNIT_CODE = new RegExp(UNIT_CODE_PATTERN);

export function unitCodeOf(cell: Cell | undefined): string {
  if (typeof cell === 'number' && Number.isInteger(cell)) return cell.toFixed(0);
  return cellText(cell).normalize('NFKC').trim();
}

export function isUnitCode(code: string): boolean {
  return UNIT_CODE.test(code);
}

/** The period id a cell names, or undefined when it names none. */
export function periodOf(cell: Cell | undefined): string | undefined {
  const text = (typeof cell === 'number' ? String(cell) : cellText(cell))
    .normalize('NFKC')
    .trim()
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/年$/, '')
    .replace(/^(\d{4})-([QH]\d)$/, '$1$2');
  return PERIOD.test(text) ? text : undefined;
}
