/**
 * The expected-score section as the reports keep it: the expected score, the difference and its
 * standardised form per row as Float64Arrays (NaN where the stored cell is null) instead of JSON
 * arrays of boxed numbers, which the garbage collector would walk on every full collection (about
 * 900,000 of them at 100,000 communities).
 *
 * @example cellAt(compactExpected(section)!.difference, row) // null when missing
 */
import type { ExpectedDocument } from '../../evaluation/expected-section.js';

export interface CompactExpected extends Omit<ExpectedDocument, 'expected' | 'difference' | 'standardised'> {
  readonly expected: Float64Array;
  readonly difference: Float64Array;
  readonly standardised: Float64Array;
}

const column = (cells: readonly (number | null)[]): Float64Array =>
  Float64Array.from(cells, (cell) => cell ?? Number.NaN);

export function compactExpected(section: ExpectedDocument | null): CompactExpected | null {
  if (section === null) return null;
  return {
    ...section,
    expected: column(section.expected),
    difference: column(section.difference),
    standardised: column(section.standardised),
  };
}

/** A stored cell back as the document had it: null where missing (NaN) or past the end. */
export function cellAt(values: Float64Array, row: number): number | null {
  const value = values[row];
  return value === undefined || Number.isNaN(value) ? null : value;
}
