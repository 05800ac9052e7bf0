/**
 * The common fields of a definition as a form, and how a submitted form changes the definition's
 * JSON text. Each field is a JSON pointer into the definition with an input type; a framework's
 * dimension and indicator lists are rows of id and weight. The workbench's editor shows these
 * fields beside the JSON text: both edit the same file, so a value typed in the form lands at its
 * pointer, and the check's problems (file + pointer) lead back to the field.
 *
 * A value that does not fit its type (a weight of "heavy", a JSON field that does not parse) is
 * written as typed, as text, so that the check reports it at its pointer instead of it being lost.
 *
 * @example
 * applyDefinitionForm('{"kind":"dimension","weight":1}', new Map([['/weight', '0.1']])).text
 * // '{\n  "kind": "dimension",\n  "weight": 0.1\n}\n'
 */
import type { DefinitionKind } from './definitions.js';
import { parseJsonText } from './json-text.js';

export type FieldType = 'text' | 'textarea' | 'number' | 'direction' | 'json';

export interface FormField {
  readonly pointer: string;
  readonly type: FieldType;
  /** Left out of the definition when emptied (a dimension's parent). */
  readonly optional?: boolean;
}

/** A list of rows (a framework's dimensions or indicators), each an id and a weight. */
export interface FormList {
  readonly pointer: '/dimensions' | '/indicators';
}

const bilingual = (name: string, type: FieldType = 'text'): FormField[] => [
  { pointer: `/${name}/zh`, type },
  { pointer: `/${name}/en`, type },
];

export const FORM_FIELDS: Readonly<Record<DefinitionKind, readonly FormField[]>> = {
  indicator: [
    { pointer: '/version', type: 'text' },
    { pointer: '/dimension', type: 'text' },
    ...bilingual('name'),
    ...bilingual('description', 'textarea'),
    ...bilingual('rationale', 'textarea'),
    { pointer: '/source', type: 'json' },
    ...bilingual('unit'),
    { pointer: '/direction', type: 'direction' },
    { pointer: '/inputs', type: 'json' },
    { pointer: '/formula', type: 'text' },
    { pointer: '/goalposts/floor/value', type: 'number' },
    ...bilingual('goalposts/floor/justification', 'textarea'),
    { pointer: '/goalposts/target/value', type: 'number' },
    ...bilingual('goalposts/target/justification', 'textarea'),
    { pointer: '/thresholds/green', type: 'number' },
    { pointer: '/thresholds/yellow', type: 'number' },
    { pointer: '/thresholds/orange', type: 'number' },
    { pointer: '/weight', type: 'number' },
    { pointer: '/fixtures', type: 'json' },
  ],
  dimension: [
    ...bilingual('name'),
    ...bilingual('description', 'textarea'),
    { pointer: '/parent', type: 'text', optional: true },
    { pointer: '/weight', type: 'number' },
  ],
  framework: [
    { pointer: '/version', type: 'text' },
    ...bilingual('name'),
    ...bilingual('description', 'textarea'),
    { pointer: '/methods', type: 'json' },
  ],
  survey: [
    { pointer: '/version', type: 'text' },
    ...bilingual('name'),
    ...bilingual('description', 'textarea'),
    ...bilingual('rationale', 'textarea'),
    { pointer: '/source', type: 'json' },
  ],
};

export const FORM_LISTS: Readonly<Record<DefinitionKind, readonly FormList[]>> = {
  indicator: [],
  dimension: [],
  framework: [{ pointer: '/dimensions' }, { pointer: '/indicators' }],
  survey: [],
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isRecord(value: unknown): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function segments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The value at a pointer, or undefined. */
export function valueAt(root: unknown, pointer: string): unknown {
  let at: unknown = root;
  for (const key of segments(pointer)) {
    if (Array.isArray(at)) at = at[Number(key)];
    else if (isRecord(at)) at = at[key];
    else return undefined;
  }
  return at;
}

/** Sets (or, with undefined, removes) the value at a pointer, making objects on the way. */
function setAt(root: Record<string, Json>, pointer: string, value: Json | undefined): void {
  const keys = segments(pointer);
  const last = keys.pop();
  if (last === undefined) return;
  let at: Record<string, Json> = root;
  for (const key of keys) {
    const next = at[key];
    if (isRecord(next)) at = next;
    else {
      if (value === undefined) return;
      const made: Record<string, Json> = {};
      at[key] = made;
      at = made;
    }
  }
  if (value === undefined) Reflect.deleteProperty(at, last);
  else at[last] = value;
}

/** A form field's text as the value the definition holds. */
export function fieldValue(type: FieldType, text: string): Json | undefined {
  const trimmed = text.trim();
  if (type === 'number') {
    if (trimmed === '') return undefined;
    const number = Number(trimmed);
    return Number.isFinite(number) ? number : text;
  }
  if (type === 'json') {
    if (trimmed === '') return undefined;
    const parsed = parseJsonText(text);
    return parsed.ok ? (parsed.value as Json) : text;
  }
  return text;
}

/** A definition's value at a field as the form shows it. */
export function fieldText(type: FieldType, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (type === 'json') return JSON.stringify(value, null, 2);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export interface AppliedForm {
  /** The definition's new text; the old text when it is not a JSON object (nothing to apply to). */
  readonly text: string;
  readonly applied: boolean;
}

/**
 * Applies submitted form values (pointer → text; list rows as "/dimensions/<n>/id" and
 * "/dimensions/<n>/weight") to a definition's JSON text. A list is rebuilt from its rows in
 * order, rows without an id dropped; a field not submitted keeps its value.
 */
export function applyDefinitionForm(text: string, submitted: ReadonlyMap<string, string>): AppliedForm {
  const parsed = parseJsonText(text);
  if (!parsed.ok || !isRecord(parsed.value)) return { text, applied: false };
  const definition = structuredClone(parsed.value);
  const kind = definition.kind;
  if (kind !== 'indicator' && kind !== 'dimension' && kind !== 'framework' && kind !== 'survey')
    return { text, applied: false };
  for (const field of FORM_FIELDS[kind]) {
    const typed = submitted.get(field.pointer);
    if (typed === undefined) continue;
    const value = fieldValue(field.type, typed);
    setAt(definition, field.pointer, field.optional === true && typed.trim() === '' ? undefined : value);
  }
  for (const list of FORM_LISTS[kind]) {
    const rows: Json[] = [];
    for (let n = 0; submitted.has(`${list.pointer}/${n}/id`); n++) {
      const id = (submitted.get(`${list.pointer}/${n}/id`) ?? '').trim();
      if (id === '') continue;
      const weight = fieldValue('number', submitted.get(`${list.pointer}/${n}/weight`) ?? '');
      rows.push(weight === undefined ? { id } : { id, weight });
    }
    if (submitted.has(`${list.pointer}/0/id`)) setAt(definition, list.pointer, rows);
  }
  return { text: `${JSON.stringify(definition, null, 2)}\n`, applied: true };
}
