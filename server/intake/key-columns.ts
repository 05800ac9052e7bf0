/**
 * The key columns of an observations file, named as in the registry's templates (unit_code｜单位代码,
 * period｜时期) plus the other names people use for them.
 */
import { KEY_COLUMNS } from '../indicators/template/template-header.js';
import { NAME_COLUMN } from '../indicators/template/template-rows.js';
import type { ColumnTarget } from './header-match.js';

const EXTRA_ALIASES: Readonly<Record<string, readonly string[]>> = {
  unit_code: ['unit code', 'unit', 'code', '单位编码', '代码', '社区代码'],
  period: ['时期', '期间', '统计期', '年份'],
};

export const UNIT_KEY = 'unit_code';
export const PERIOD_KEY = 'period';

export const KEY_TARGETS: readonly ColumnTarget[] = KEY_COLUMNS.map((key) => ({
  key: key.name,
  aliases: [key.name, key.label.zh, key.label.en, ...(EXTRA_ALIASES[key.name] ?? [])],
}));

/** Texts the registry's XLSX template puts under a key header (rows 2–3), which are not data. */
export const KEY_NOTES: readonly string[] = KEY_COLUMNS.flatMap((key) => [
  key.label.en,
  key.label.zh,
  `${key.hint.zh} / ${key.hint.en}`,
]);

/** The unit-name column of a prefilled template (template-rows.ts): recognised, then skipped. */
export const NAME_KEY = NAME_COLUMN.name;
export const NAME_TARGET: ColumnTarget = {
  key: NAME_KEY,
  aliases: [NAME_COLUMN.name, NAME_COLUMN.label.zh, NAME_COLUMN.label.en],
};
