/**
 * XLSX workbook → Table, with exceljs: the sheet named "数据 Data" (the registry's template), or
 * "数据" or "Data", else the first sheet. Row 1 is the header. Excel values are kept as they are:
 * numbers, text, formulas with their last computed result (the checks decide what to accept),
 * TRUE/FALSE as 1/0, dates as YYYY-MM-DD text. A damaged or truncated workbook is refused with a
 * message naming the file, and so is one that spreads over too many cells. Only for workbooks
 * that passed the unpacked-size guard: parse-xlsx.ts decides whether this runs here or in a
 * worker thread.
 */
import ExcelJS from 'exceljs';
import { ValidationError } from '../errors.js';
import type { IntakeFile } from './intake-file.js';
import type { Cell, Table, TableRow } from './table.js';

const PREFERRED_SHEETS = ['数据 data', '数据', 'data'];

function pickSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const byName = (name: string): ExcelJS.Worksheet | undefined =>
    workbook.worksheets.find((sheet) => sheet.name.trim().toLowerCase() === name);
  for (const name of PREFERRED_SHEETS) {
    const sheet = byName(name);
    if (sheet !== undefined) return sheet;
  }
  return workbook.worksheets[0];
}

function plain(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      return value.richText
        .map((part: { text?: unknown }) => (typeof part.text === 'string' ? part.text : ''))
        .join('');
    }
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value && typeof value.error === 'string') return value.error;
  }
  return JSON.stringify(value);
}

/** One exceljs cell value → Cell; formulas keep their text and cached result. */
export function cellOf(value: ExcelJS.CellValue): Cell {
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    if ('formula' in value || 'sharedFormula' in value) {
      const formula = 'formula' in value ? value.formula : value.sharedFormula;
      return { formula, result: plain(value.result) };
    }
  }
  return plain(value);
}

/**
 * The most cells one sheet may spread over, counting the empty ones up to each row's last value:
 * about what a CSV within the upload limit can hold. A sheet this large is refused before it
 * fills memory (a value in column XFD would otherwise make every row 16,384 cells wide).
 */
export const MAX_XLSX_CELLS = 16 * 1024 * 1024;

/** A row's cells up to its last value; only the cells that hold something are visited. */
function cellsOf(row: ExcelJS.Row): Cell[] {
  const present: [number, Cell][] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    present.push([column, cellOf(cell.value)]);
  });
  const cells: Cell[] = Array.from({ length: present.at(-1)?.[0] ?? 0 }, () => null);
  for (const [column, cell] of present) cells[column - 1] = cell;
  return cells;
}

export async function readWorkbook(file: IntakeFile): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ValidationError(
      `${file.fileName} is not a readable XLSX workbook (damaged or truncated: ${reason})`,
      [{ where: file.fileName, message: reason }],
    );
  }
  const sheet = pickSheet(workbook);
  if (sheet === undefined) throw new ValidationError(`${file.fileName} has no worksheet`);
  let budget = MAX_XLSX_CELLS;
  const headers = cellsOf(sheet.getRow(1)).map((cell) =>
    typeof cell === 'object' && cell !== null ? String(cell.result ?? '') : String(cell ?? '').trim(),
  );
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells = cellsOf(row);
    budget -= cells.length;
    if (budget < 0) {
      throw new ValidationError(
        `${file.fileName} is too large to read: sheet "${sheet.name}" spans more than ${MAX_XLSX_CELLS} cells ` +
          `by row ${number}. Delete unused columns far to the right, or save the sheet as CSV.`,
        [{ where: `${file.fileName}, row ${number}`, message: `more than ${MAX_XLSX_CELLS} cells` }],
      );
    }
    rows.push({ row: number, cells });
  });
  return { fileName: file.fileName, format: 'xlsx', encoding: null, sheet: sheet.name, headers, rows };
}
