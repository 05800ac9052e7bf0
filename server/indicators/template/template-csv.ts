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

export function templateCsv(framework: ResolvedFramework): string {
  const header = templateColumns(framework).map((column) => column.header);
  return safeCsv([header], { windows: true });
}
