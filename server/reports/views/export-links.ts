/**
 * The CSV, XLSX and JSON download links of one table: the page's own URL and query with
 * `format` and `table` added (the page router answers those with the file instead of the page).
 *
 * @example exportLinks('/evaluations/e1', { period: '2025' }, 'ranking')[0]
 * // { format: 'CSV', href: '/evaluations/e1?period=2025&format=csv&table=ranking' }
 */
import { href, type QueryValues } from './href.js';

export interface ExportLink {
  readonly format: string;
  readonly href: string;
}

export function exportLinks(path: string, query: QueryValues, table: string): ExportLink[] {
  return (['csv', 'xlsx', 'json'] as const).map((format) => ({
    format: format.toUpperCase(),
    href: href(path, query, { format, table }),
  }));
}
