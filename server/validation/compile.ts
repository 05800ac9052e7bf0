/**
 * Compiles a JSON Schema into a narrowing function that throws a ValidationError listing every
 * problem (JSON pointer and message), so input that arrives as `unknown` leaves typed.
 *
 * @example
 * const asPeriod = compileValidator<Period>('period', periodSchema);
 * const period = asPeriod(body); // typed, or throws ValidationError
 */
import type { ErrorObject } from 'ajv';
import { ValidationError, type ProblemDetail } from '../errors.js';
import { storeAjv } from './ajv.js';

export type Narrow<T> = (input: unknown, where?: string) => T;

function describe(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty?: string }).additionalProperty ?? '?';
    return `unknown field "${extra}"`;
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues ?? [];
    return `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return error.message ?? error.keyword;
}

/** Turns ajv errors into problem details rooted at `where` (e.g. "unit" or "rows/3"). */
export function problemsOf(errors: readonly ErrorObject[], where: string): ProblemDetail[] {
  return errors.map((error) => ({ where: `${where}${error.instancePath}`, message: describe(error) }));
}

/** The first few problems in one line; the full list travels in the error's details. */
export function summarise(problems: readonly ProblemDetail[], shown = 5): string {
  const head = problems.slice(0, shown).map((p) => `${p.where ?? ''} ${p.message}`.trim());
  const more = problems.length > shown ? ` (and ${problems.length - shown} more)` : '';
  return `${head.join('; ')}${more}`;
}

export function compileValidator<T>(what: string, schema: object): Narrow<T> {
  const validate = storeAjv.compile<T>(schema);
  return (input: unknown, where = what): T => {
    if (validate(input)) return input;
    const problems = problemsOf(validate.errors ?? [], where);
    throw new ValidationError(`invalid ${what}: ${summarise(problems)}`, problems);
  };
}
