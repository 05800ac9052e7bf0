/**
 * The header of a data-collection template, shared by the CSV and XLSX forms and by the importer
 * that reads them back. Each header cell is the variable name, a fullwidth vertical line ｜
 * (U+FF5C), then the Chinese label and unit: `households｜常住户数（户）`. The importer takes the
 * text before the first ｜ as the variable name, so a header maps back unambiguously whatever the
 * label says; a bare variable name is accepted too.
 *
 * @example variableFromHeader('households｜常住户数（户）') === 'households'
 */
import type { Bilingual } from '../definitions.js';

export const HEADER_SEPARATOR = '｜';

/** The columns that identify a row, before the variables. */
export const KEY_COLUMNS: readonly {
  readonly name: string;
  readonly label: Bilingual;
  readonly hint: Bilingual;
}[] = [
  {
    name: 'unit_code',
    label: { zh: '单位代码', en: 'Unit code' },
    hint: { zh: '文本，与单位名册一致', en: 'text, as in the unit register' },
  },
  {
    name: 'period',
    label: { zh: '时期', en: 'Period' },
    hint: { zh: '文本，如 2024 或 2024Q1', en: 'text, e.g. 2024 or 2024Q1' },
  },
];

/** `households｜常住户数（户）`; without a unit, `unit_code｜单位代码`. */
export function headerCell(name: string, label: Bilingual, unit?: Bilingual): string {
  return `${name}${HEADER_SEPARATOR}${label.zh}${unit === undefined ? '' : `（${unit.zh}）`}`;
}

/** The variable name a header cell stands for: the text before ｜, trimmed (a BOM is ignored). */
export function variableFromHeader(cell: string): string {
  const text = cell.replace(/^\uFEFF/, '');
  const cut = text.indexOf(HEADER_SEPARATOR);
  return (cut === -1 ? text : text.slice(0, cut)).trim();
}
