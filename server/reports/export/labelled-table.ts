/**
 * A table as exports need it: stable column ids (JSON keys), column labels in the reader's language
 * (the CSV and XLSX header row) and raw cell values (numbers unformatted, so spreadsheets can
 * compute with them). toExportTable picks the header for the format; export-formats.ts writes it.
 *
 * @example toExportTable({ name: 'ranking', ids: ['rank'], labels: ['排名'], rows: [[1]] }, 'json').header // ['rank']
 */
import type { ExportCell, ExportTable } from '../../evaluation/export-table.js';
import type { ExportFormat } from '../../evaluation/export-formats.js';

export interface LabelledTable {
  /** File and sheet name. */
  readonly name: string;
  readonly ids: readonly string[];
  readonly labels: readonly string[];
  readonly rows: readonly (readonly ExportCell[])[];
}

export function toExportTable(table: LabelledTable, format: ExportFormat): ExportTable {
  return { header: format === 'json' ? table.ids : table.labels, rows: table.rows };
}

/** A finite number, or null (exports never carry NaN). */
export function cell(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
