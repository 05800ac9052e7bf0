/**
 * Reads a numeric cell. An empty cell is missing (never 0). Text must be a plain decimal number
 * (full-width digits are fine; no thousands separators, "." as decimal point). Text that starts
 * with =, +, - or @ and is not a number looks like a spreadsheet formula and is reported as such,
 * never evaluated. An XLSX formula cell gives its last computed number, with a warning.
 *
 * @example readNumber(' 12.5 ') // { kind: 'number', value: 12.5, fromFormula: false }
 * @example readNumber('=SUM(A1:A3)') // { kind: 'invalid', reason: 'formula_text' }
 */
import { isFormula, type Cell } from './table.js';

export type NumberRead =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number; readonly fromFormula: boolean }
  | { readonly kind: 'invalid'; readonly reason: 'not_a_number' | 'formula_text' | 'formula_cell' };

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const FORMULA_START = /^[=+\-@]/;

function fromText(raw: string): NumberRead {
  // Fast path for the common case: plain ASCII digits need no Unicode normalisation.
  if (DECIMAL.test(raw)) {
    const value = Number(raw);
    if (Number.isFinite(value)) return { kind: 'number', value, fromFormula: false };
  }
  const text = raw.normalize('NFKC').trim();
  if (text === '') return { kind: 'empty' };
  if (DECIMAL.test(text)) {
    const value = Number(text);
    if (Number.isFinite(value)) return { kind: 'number', value, fromFormula: false };
  }
  return { kind: 'invalid', reason: FORMULA_START.test(text) ? 'formula_text' : 'not_a_number' };
}

export function readNumber(cell: Cell | undefined): NumberRead {
  if (cell === undefined || cell === null) return { kind: 'empty' };
  if (typeof cell === 'number') {
    return Number.isFinite(cell)
      ? { kind: 'number', value: cell, fromFormula: false }
      : { kind: 'invalid', reason: 'not_a_number' };
  }
  if (typeof cell === 'string') return fromText(cell);
  if (isFormula(cell)) {
    const result = cell.result === null ? { kind: 'empty' as const } : readNumber(cell.result);
    return result.kind === 'number'
      ? { ...result, fromFormula: true }
      : { kind: 'invalid', reason: 'formula_cell' };
  }
  return { kind: 'invalid', reason: 'not_a_number' };
}
