/**
 * Checks that a value is JSON every adapter can keep and every reader can trust: plain objects,
 * arrays, strings, finite numbers, booleans and null; no key that starts with "$" or contains "."
 * (MongoDB operators and paths), and no "__proto__", "constructor" or "prototype" key (prototype
 * pollution when the value is later merged). Every problem is named by its JSON pointer.
 *
 * @example
 * assertStorableJson({ a: { 'x.y': 1 } }, 'detail'); // throws ValidationError at "detail/a/x.y"
 */
import { ValidationError, type ProblemDetail } from '../../errors.js';
import type { JsonValue } from '../store.js';
import { summarise } from '../../validation/compile.js';
import { badKeyReason } from '../../validation/safe-keys.js';

const MAX_DEPTH = 64;
const MAX_PROBLEMS = 20;

function pointer(base: string, key: string | number): string {
  return `${base}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function walk(value: unknown, where: string, depth: number, problems: ProblemDetail[]): void {
  if (problems.length >= MAX_PROBLEMS) return;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) problems.push({ where, message: `${String(value)} is not a finite number` });
    return;
  }
  if (depth > MAX_DEPTH) {
    problems.push({ where, message: `nested deeper than ${MAX_DEPTH} levels` });
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) walk(value[i], pointer(where, i), depth + 1, problems);
    return;
  }
  if (typeof value !== 'object' || !isPlainObject(value)) {
    problems.push({
      where,
      message: `${typeof value === 'object' ? 'a non-plain object' : typeof value} is not JSON`,
    });
    return;
  }
  for (const key of Object.keys(value)) {
    if (problems.length >= MAX_PROBLEMS) return;
    const reason = badKeyReason(key);
    const at = pointer(where, key);
    if (reason !== undefined) problems.push({ where: at, message: reason });
    else walk(value[key], at, depth + 1, problems);
  }
}

/** Narrows `value` to JsonValue, or throws a ValidationError naming every bad path (up to 20). */
export function assertStorableJson(value: unknown, where: string): JsonValue {
  const problems: ProblemDetail[] = [];
  walk(value, where, 0, problems);
  if (problems.length > 0) {
    throw new ValidationError(`cannot store ${where}: ${summarise(problems)}`, problems);
  }
  return value as JsonValue;
}
