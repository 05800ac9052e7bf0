/**
 * A data file read into rows and cells, whatever its format, before any mapping or checking.
 * Row numbers are the ones the user sees: in CSV and XLSX the header is row 1; in JSON, row N is
 * the N-th object of the array.
 */
export interface FormulaCell {
  readonly formula: string;
  /** The value Excel last computed, if the file holds one. */
  readonly result: string | number | null;
}

export type Cell = string | number | null | FormulaCell;

export interface TableRow {
  readonly row: number;
  readonly cells: readonly Cell[];
}

export type TableFormat = 'csv' | 'xlsx' | 'json';

export interface Table {
  readonly fileName: string;
  readonly format: TableFormat;
  /** How CSV text was decoded (utf-8, utf-8-bom, utf-16le, utf-16be, gb18030); null otherwise. */
  readonly encoding: string | null;
  /** The worksheet read, for XLSX. */
  readonly sheet: string | null;
  readonly headers: readonly string[];
  readonly rows: readonly TableRow[];
}

export function isFormula(cell: Cell): cell is FormulaCell {
  return typeof cell === 'object' && cell !== null;
}

/** A cell as text, for reports and for key columns. */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return cell;
  return `=${cell.formula}`;
}

/** True for a cell with nothing in it (spaces count as nothing). */
export function isBlank(cell: Cell | undefined): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}
