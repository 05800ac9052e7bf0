/**
 * The columns of a framework's data template, described once for both forms: the key columns
 * (unit_code, period), then one column per variable in the framework's order, each with its
 * header cell, bilingual label and unit, type, allowed range and the indicators that use it.
 */
import type { Bilingual } from '../definitions.js';
import type { ResolvedFramework, ResolvedVariable } from '../registry-types.js';
import { rangeText } from '../variable-declaration.js';
import { KEY_COLUMNS, headerCell } from './template-header.js';
import { NAME_COLUMN } from './template-rows.js';

export interface TemplateColumn {
  readonly name: string;
  /** The row-1 header cell: name｜中文名（单位）. */
  readonly header: string;
  readonly label: Bilingual;
  readonly unit?: Bilingual;
  /** 'text' for the key columns. */
  readonly type: 'text' | 'number' | 'integer';
  /** The allowed values in words ('≥ 0'), or what to write for the key columns. */
  readonly range: Bilingual;
  /** For variables: the indicators that read it, as `id 中文名`. */
  readonly usedBy: readonly string[];
  readonly variable?: ResolvedVariable;
}

const TYPE_NAMES: Readonly<Record<'number' | 'integer', Bilingual>> = {
  number: { zh: '数值', en: 'number' },
  integer: { zh: '整数', en: 'integer' },
};

export function typeName(type: 'number' | 'integer'): Bilingual {
  return TYPE_NAMES[type];
}

/** With `withName`, the prefilled form's unit-name column follows the key columns (template-rows.ts). */
export function templateColumns(
  framework: ResolvedFramework,
  options: { readonly withName?: boolean } = {},
): TemplateColumn[] {
  const names = new Map(
    framework.indicators.map((indicator) => [indicator.id, indicator.definition.name.zh]),
  );
  const keys = KEY_COLUMNS.map((key): TemplateColumn => ({
    name: key.name,
    header: headerCell(key.name, key.label),
    label: key.label,
    type: 'text',
    range: key.hint,
    usedBy: [],
  }));
  const variables = framework.variables.map((variable): TemplateColumn => {
    const range = rangeText(variable);
    return {
      name: variable.name,
      header: headerCell(variable.name, variable.label, variable.unit),
      label: variable.label,
      unit: variable.unit,
      type: variable.type,
      range: { zh: range === 'any number' ? '任意数值' : range, en: range },
      usedBy: variable.usedBy.map((id) => `${id} ${names.get(id) ?? ''}`.trim()),
      variable,
    };
  });
  const name: TemplateColumn[] =
    options.withName === true
      ? [
          {
            name: NAME_COLUMN.name,
            header: headerCell(NAME_COLUMN.name, NAME_COLUMN.label),
            label: NAME_COLUMN.label,
            type: 'text',
            range: NAME_COLUMN.hint,
            usedBy: [],
          },
        ]
      : [];
  return [...keys, ...name, ...variables];
}
