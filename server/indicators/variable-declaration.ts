/**
 * Helpers for one declared input variable: whether two declarations agree (type, unit and
 * bounds; labels may differ in wording), and how to show its allowed range to people.
 *
 * @example rangeText({ type: 'integer', minimum: 0, maximum: 1, … }) === '0 – 1'
 */
import type { VariableDeclaration } from './definitions.js';

const BOUND_KEYS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const;

/** The first field on which two declarations disagree, or undefined when they agree. */
export function declarationDifference(a: VariableDeclaration, b: VariableDeclaration): string | undefined {
  if (a.type !== b.type) return 'type';
  if (a.unit.zh !== b.unit.zh || a.unit.en !== b.unit.en) return 'unit';
  return BOUND_KEYS.find((key) => a[key] !== b[key]);
}

/** The allowed values in words: '≥ 0', '0 – 100', '> 0', 'any number'. */
export function rangeText(declaration: VariableDeclaration): string {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = declaration;
  if (minimum !== undefined && maximum !== undefined) return `${minimum} – ${maximum}`;
  const parts: string[] = [];
  if (minimum !== undefined) parts.push(`≥ ${minimum}`);
  if (exclusiveMinimum !== undefined) parts.push(`> ${exclusiveMinimum}`);
  if (maximum !== undefined) parts.push(`≤ ${maximum}`);
  if (exclusiveMaximum !== undefined) parts.push(`< ${exclusiveMaximum}`);
  return parts.length === 0 ? 'any number' : parts.join(', ');
}

/** The whole declaration in one line, for conflict messages: 'integer ≥ 0 in 户/households'. */
export function describeDeclaration(declaration: VariableDeclaration): string {
  return `${declaration.type} ${rangeText(declaration)} in ${declaration.unit.zh}/${declaration.unit.en}`;
}

/** True when `value` has the declared type and lies within the declared bounds. */
export function satisfiesDeclaration(declaration: VariableDeclaration, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (declaration.type === 'integer' && !Number.isInteger(value)) return false;
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = declaration;
  if (minimum !== undefined && value < minimum) return false;
  if (maximum !== undefined && value > maximum) return false;
  if (exclusiveMinimum !== undefined && value <= exclusiveMinimum) return false;
  return exclusiveMaximum === undefined || value < exclusiveMaximum;
}
