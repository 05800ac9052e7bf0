/**
 * The current unit register as rows of the register template, so an administrator edits it and
 * imports it back: the header cells, then one row per unit, the tree from the top (city, districts,
 * streets, communities; by code within a level). Coded values are written as their codes and
 * attributes as stored, so the importer reads back exactly the register it came from. Extra
 * attributes (snake_case names beyond the known fields) get a column each, sorted by name.
 *
 * @example registerRows([]).rows.length === 0
 */
import { UNIT_LEVELS, type Unit } from '../../domain/unit.js';
import { UNIT_FIELDS } from '../unit-columns.js';
import { REGISTER_COLUMNS } from './register-columns.js';

export type RegisterCell = string | number | null;

export interface RegisterRows {
  readonly headers: readonly string[];
  /** Extra attribute names, in their column order after the known fields. */
  readonly extras: readonly string[];
  readonly rows: readonly (readonly RegisterCell[])[];
}

const KNOWN = new Set<string>(Object.keys(UNIT_FIELDS));

function cellOf(value: string | number | boolean | undefined): RegisterCell {
  if (value === undefined) return null;
  return typeof value === 'boolean' ? String(value) : value;
}

function rowOf(unit: Unit, extras: readonly string[]): RegisterCell[] {
  const known: Record<string, RegisterCell> = {
    code: unit.code,
    name_zh: unit.name.zh,
    name_en: unit.name.en,
    level: unit.level,
    parent: unit.parent,
  };
  return [
    ...REGISTER_COLUMNS.map((column) => known[column.field] ?? cellOf(unit.attributes[column.field])),
    ...extras.map((name) => cellOf(unit.attributes[name])),
  ];
}

export function registerRows(units: readonly Unit[]): RegisterRows {
  const extras = [
    ...new Set(units.flatMap((unit) => Object.keys(unit.attributes).filter((name) => !KNOWN.has(name)))),
  ].sort();
  const ordered = [...units].sort(
    (a, b) =>
      UNIT_LEVELS.indexOf(a.level) - UNIT_LEVELS.indexOf(b.level) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return {
    headers: [...REGISTER_COLUMNS.map((column) => column.header), ...extras],
    extras,
    rows: ordered.map((unit) => rowOf(unit, extras)),
  };
}
