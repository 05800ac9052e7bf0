/**
 * The unit register template as CSV: UTF-8 with a byte-order mark (Excel opens the Chinese), CRLF
 * line ends, the header row (`code｜单位代码,name_zh｜中文名称,…`) and the current register below it.
 * Cells go through the one CSV writer, which neutralises formula-like text.
 *
 * @example registerCsv([]).startsWith('\uFEFFcode｜单位代码,name_zh｜中文名称,') === true
 */
import type { Unit } from '../../domain/unit.js';
import { safeCsv } from '../safe-csv.js';
import { registerRows } from './register-rows.js';

export function registerCsv(units: readonly Unit[]): string {
  const { headers, rows } = registerRows(units);
  return safeCsv([headers, ...rows], { windows: true });
}
