/**
 * Reads the evaluation form as typed from a submitted body or a query string: the framework, the
 * periods (repeated fields, or one comma-separated list in a link such as the import page's), and
 * every other field by name as one short text. A field sent twice, an overlong value or more fields
 * than a form has are refused with the field named.
 *
 * @example formState({ framework: 'default', periods: ['2024', '2025'], 'method.weighting': 'entropy' }, true)
 */
import { ValidationError } from '../../errors.js';
import type { EvaluationFormState } from '../../domain/evaluation-form.js';

const MAX_FIELDS = 2000;
const MAX_LENGTH = 1000;
const NOT_FIELDS = new Set(['_csrf', 'framework', 'periods', 'lang', 'check', 'start']);

function refuse(name: string, message: string): never {
  throw new ValidationError(`form field ${name}: ${message}`, [{ where: name, message }]);
}

function periodsOf(raw: unknown): string[] {
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const periods = values.flatMap((value) => {
    if (typeof value !== 'string' || value.length > MAX_LENGTH) refuse('periods', 'must be period ids');
    return value
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
  });
  return [...new Set(periods)];
}

export function formState(source: unknown, submitted: boolean): EvaluationFormState {
  const body = typeof source === 'object' && source !== null ? (source as Record<string, unknown>) : {};
  const names = Object.keys(body);
  if (names.length > MAX_FIELDS) refuse('form', `has more than ${MAX_FIELDS} fields`);
  // No prototype: a field named __proto__ is just a field.
  const fields = Object.create(null) as Record<string, string>;
  for (const name of names) {
    if (NOT_FIELDS.has(name)) continue;
    const value = body[name];
    if (typeof value !== 'string') refuse(name, 'was sent more than once');
    if (value.length > MAX_LENGTH) refuse(name, `is longer than ${MAX_LENGTH} characters`);
    fields[name] = value;
  }
  const framework = body.framework;
  return {
    framework: typeof framework === 'string' ? framework.slice(0, 100) : '',
    periods: periodsOf(body.periods),
    fields,
    submitted,
  };
}
