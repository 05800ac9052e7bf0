/**
 * JSON → Table: an array of objects, one per row, keys as column headers (in order of first
 * appearance). Numbers and strings are kept, null is an empty cell, true/false are 1/0; nested
 * objects and arrays become their JSON text (and fail the number checks). Row N is the N-th object.
 *
 * @example parseJson(file) // for [{"unit_code": "A", "households": 3}] → headers ["unit_code", "households"]
 */
import { ValidationError } from '../errors.js';
import { decodeText } from './decode-text.js';
import type { IntakeFile } from './intake-file.js';
import type { Cell, Table, TableRow } from './table.js';

function cellOf(value: unknown, fileName: string, item: number, key: string): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  try {
    return JSON.stringify(value);
  } catch {
    // JSON.parse takes nesting that JSON.stringify's recursion cannot write back (RangeError).
    const where = `${fileName}: item ${item}, "${key}"`;
    throw new ValidationError(`${where} is nested too deeply to be a cell`, [
      { where, message: 'expected a number or a text' },
    ]);
  }
}

export function parseJson(file: IntakeFile): Table {
  const { text, encoding } = decodeText(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ValidationError(`${file.fileName} is not valid JSON (${reason})`, [
      { where: file.fileName, message: reason },
    ]);
  }
  if (!Array.isArray(parsed)) {
    throw new ValidationError(`${file.fileName} must hold a JSON array of objects, one per row`);
  }
  const headers: string[] = [];
  const position = new Map<string, number>();
  const objects = parsed.map((item: unknown, index): Record<string, unknown> => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new ValidationError(`${file.fileName}: item ${index + 1} is not an object`, [
        { where: `${file.fileName}/${index}`, message: 'expected an object such as {"unit_code": "…", …}' },
      ]);
    }
    for (const key of Object.keys(item)) {
      if (!position.has(key)) {
        position.set(key, headers.length);
        headers.push(key);
      }
    }
    return item as Record<string, unknown>;
  });
  const rows: TableRow[] = objects.map((object, index) => ({
    row: index + 1,
    cells: headers.map((key) =>
      Object.hasOwn(object, key) ? cellOf(object[key], file.fileName, index + 1, key) : null,
    ),
  }));
  return { fileName: file.fileName, format: 'json', encoding, sheet: null, headers, rows };
}
