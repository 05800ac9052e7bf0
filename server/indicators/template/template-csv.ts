/**
 * The CSV data template of a framework: UTF-8 with a byte-order mark (so that Excel opens the
 * Chinese headers correctly), CRLF line ends, one header row (see template-header.ts) and no data:
 * one row per community and period is filled in. An empty cell means a missing value.
 *
 * @example templateCsv(framework).startsWith('\uFEFFunit_code｜单位代码,period｜时期,') === true
 */
import { safeCsv } from '../../intake/safe-csv.js';
import type { ResolvedFramework } from '../registry-types.js';
import { templateColumns } from './template-columns.js';
import { templateRowCells, type TemplateRow } from './template-rows.js';

/** Given `rows` (a prefilled form), a unit-name column and one row per unit follow the header. */
export function templateCsv(framework: ResolvedFramework, rows?: readonly TemplateRow[]): string {
  const columns = templateColumns(framework, { withName: rows !== undefined });
  const header = columns.map((column) => column.header);
  return safeCsv([header, ...(rows ?? []).map((row) => templateRowCells(columns, row))], { windows: true });
}
