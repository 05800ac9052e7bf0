/**
 * The rows of a prefilled data template: one per unit (its code, the period to write, its name for
 * the reader) with the values to correct rather than retype, if any. The name goes in a column
 * `unit_name｜单位名称` that the importer recognises and skips (key-columns.ts), so a prefilled form
 * imports back as it came.
 *
 * @example templateRowCells(columns, { unit: 'C1', period: '2025', name: '车站社区', values: { households: 300 } })
 */
import type { Bilingual } from '../definitions.js';
import type { TemplateColumn } from './template-columns.js';

export interface TemplateRow {
  readonly unit: string;
  /** '' leaves the period for the form's user to fill in. */
  readonly period: string;
  readonly name: string;
  readonly values: Readonly<Record<string, number>>;
}

/** The reader's column of a prefilled template, after the key columns. */
export const NAME_COLUMN: { readonly name: string; readonly label: Bilingual; readonly hint: Bilingual } = {
  name: 'unit_name',
  label: { zh: '单位名称', en: 'Unit name' },
  hint: { zh: '文本，仅供核对，导入时忽略', en: 'text, for reference: ignored on import' },
};

/** One row's cells in the columns' order; a value the row lacks is an empty cell (missing). */
export function templateRowCells(
  columns: readonly TemplateColumn[],
  row: TemplateRow,
): (string | number | null)[] {
  return columns.map((column) => {
    if (column.name === 'unit_code') return row.unit;
    if (column.name === 'period') return row.period === '' ? null : row.period;
    if (column.name === NAME_COLUMN.name) return row.name;
    return row.values[column.name] ?? null;
  });
}
