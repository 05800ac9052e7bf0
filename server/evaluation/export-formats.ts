/**
 * Writes an export table as CSV (UTF-8 with BOM for Excel, through safe-csv.ts: text cells that
 * start with =, +, -, @ are neutralised and line breaks quoted, so a spreadsheet never runs them
 * as formulas), XLSX or JSON.
 */
import ExcelJS from 'exceljs';
import { neutralise, safeCsv } from '../intake/safe-csv.js';
import type { ExportCell, ExportTable } from './export-table.js';
import { exportRecord } from './export-chunks.js';

export type ExportFormat = 'csv' | 'xlsx' | 'json';

/** A text cell a spreadsheet would read as a formula gets a leading apostrophe. */
export function neutraliseCell(cell: ExportCell): ExportCell {
  return typeof cell === 'string' ? neutralise(cell) : cell;
}

export function tableCsv(table: ExportTable): string {
  return safeCsv([table.header, ...table.rows]);
}

export async function tableXlsx(table: ExportTable, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow([...table.header]);
  sheet.getRow(1).font = { bold: true };
  // ExcelJS writes strings as strings, never formulas; no neutralising needed.
  for (const row of table.rows) sheet.addRow([...row]);
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function tableJson(table: ExportTable): string {
  return JSON.stringify(table.rows.map((row) => exportRecord(table.header, row)));
}
