/**
 * The attributes of one unit row: urban/rural (城镇/农村 understood), counts, area, the
 * old-compound share (0–1, "35%" accepted), the peer group and extra snake_case columns. Text
 * that looks like a formula is refused, never kept. A peer group may be given by its code or its
 * Chinese or English label and is stored as the code; one the list does not know is kept as written
 * but warned about, naming the known groups, so a label never silently starts a group of its own.
 */
import { describeCodes, PEER_GROUPS, URBAN_RURAL_LABELS } from '../domain/unit-codes.js';
import type { CellIssue, IssueSeverity } from '../domain/validation-report.js';
import type { UnitAttributes } from '../domain/unit.js';
import { expectedValue, rangeProblem } from './check-range.js';
import { readNumber } from './read-number.js';
import { cellText, isBlank, type Cell, type TableRow } from './table.js';
import { NUMERIC_ATTRIBUTES, peerGroupOf, urbanRuralOf, type UnitField } from './unit-columns.js';

/** Records an issue with a cell of the row (an error unless a severity is given). */
export type Issue = (
  index: number | undefined,
  reason: CellIssue['reason'],
  expected: string,
  severity?: IssueSeverity,
) => void;

const FORMULA_START = /^[=+\-@]/;

/** Text of a cell, or undefined (with an issue) when it looks like a formula. */
export function textOf(cell: Cell | undefined, index: number | undefined, issue: Issue): string | undefined {
  const text = cellText(cell).trim();
  if (typeof cell === 'object' && cell !== null) issue(index, 'formula_cell', 'text typed in, not a formula');
  else if (FORMULA_START.test(text))
    issue(index, 'formula_text', 'text that does not start with =, +, - or @');
  else return text;
  return undefined;
}

function numericAttribute(
  name: string,
  cell: Cell | undefined,
  index: number,
  issue: Issue,
): number | undefined {
  const variable = NUMERIC_ATTRIBUTES[name];
  if (variable === undefined) return undefined;
  const percent = typeof cell === 'string' && name === 'old_compound_share' && /%\s*$/.test(cell);
  const read = readNumber(percent ? cell.replace(/%\s*$/, '') : cell);
  if (read.kind === 'empty') return undefined;
  if (read.kind === 'invalid') {
    issue(index, read.reason, expectedValue(variable));
    return undefined;
  }
  const value = percent ? read.value / 100 : read.value;
  const problem = rangeProblem(variable, value);
  if (problem !== undefined)
    issue(
      index,
      problem.reason,
      name === 'old_compound_share' ? `${problem.expected} (35% is 0.35)` : problem.expected,
    );
  return problem === undefined ? value : undefined;
}

/** The code of a peer group; an unknown one is kept as written, with a warning naming the known ones. */
function peerGroupCode(text: string, index: number | undefined, issue: Issue): string {
  const code = peerGroupOf(text);
  if (code !== undefined) return code;
  issue(
    index,
    'invalid_value',
    `已知同类组之一（否则作为新的同类组保存）one of the known peer groups (otherwise kept as a new peer group): ${describeCodes(PEER_GROUPS)}`,
    'warning',
  );
  return text;
}

export function attributesOf(
  row: TableRow,
  fields: ReadonlyMap<UnitField, number>,
  extras: ReadonlyMap<string, number>,
  issue: Issue,
): UnitAttributes {
  const attributes: Record<string, string | number> = {};
  const urbanIndex = fields.get('urban_rural');
  if (urbanIndex !== undefined && !isBlank(row.cells[urbanIndex])) {
    const value = urbanRuralOf(cellText(row.cells[urbanIndex]));
    if (value === undefined)
      issue(urbanIndex, 'invalid_value', `城乡属性之一 one of: ${describeCodes(URBAN_RURAL_LABELS)}`);
    else attributes.urban_rural = value;
  }
  for (const name of Object.keys(NUMERIC_ATTRIBUTES)) {
    const index = fields.get(name as UnitField);
    if (index === undefined) continue;
    const value = numericAttribute(name, row.cells[index], index, issue);
    if (value !== undefined) attributes[name] = value;
  }
  const peerIndex = fields.get('peer_group');
  const peer = peerIndex === undefined ? undefined : textOf(row.cells[peerIndex], peerIndex, issue);
  if (peer !== undefined && peer !== '') attributes.peer_group = peerGroupCode(peer, peerIndex, issue);
  for (const [name, index] of extras) {
    const read = readNumber(row.cells[index]);
    if (read.kind === 'number') attributes[name] = read.value;
    else if (read.kind === 'invalid') {
      const text = textOf(row.cells[index], index, issue);
      if (text !== undefined && text !== '') attributes[name] = text;
    }
  }
  return attributes;
}
