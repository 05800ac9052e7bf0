/**
 * Query parameters of the report pages, narrowed: one short text value or nothing (arrays and
 * long values are refused), a choice from a fixed list, a positive page number, and the query a
 * page passes on to its own links (without lang, format and table).
 */
import { ValidationError } from '../../errors.js';
import type { QueryValues } from '../../reports/views/href.js';

export type Query = Readonly<Record<string, unknown>>;

export function text(query: Query, name: string, max = 200): string | undefined {
  const raw = query[name];
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || raw.length > max) {
    throw new ValidationError(`query parameter ${name} must be one text value of at most ${max} characters`, [
      { where: `query.${name}`, message: `found ${JSON.stringify(raw).slice(0, 80)}` },
    ]);
  }
  return raw;
}

/**
 * A parameter that may repeat, as checkboxes send it (?units=A&units=B), joined with commas; one
 * value as `text` reads it. At most `max` characters in all.
 */
export function textList(query: Query, name: string, max = 200): string | undefined {
  const raw = query[name];
  if (Array.isArray(raw) && raw.every((value) => typeof value === 'string'))
    return text({ [name]: raw.filter((value) => value !== '').join(',') }, name, max);
  return text(query, name, max);
}

export function oneOf<T extends string>(query: Query, name: string, allowed: readonly T[]): T | undefined {
  const raw = text(query, name);
  if (raw === undefined) return undefined;
  const found = allowed.find((a) => a === raw);
  if (found === undefined) {
    throw new ValidationError(`query parameter ${name} must be one of ${allowed.join(', ')}`, [
      { where: `query.${name}`, message: `found ${JSON.stringify(raw)}` },
    ]);
  }
  return found;
}

export function pageNumber(query: Query): number {
  const raw = text(query, 'page');
  if (raw === undefined) return 1;
  if (!/^[1-9]\d{0,6}$/.test(raw)) {
    throw new ValidationError('query parameter page must be a positive integer', [
      { where: 'query.page', message: `found ${JSON.stringify(raw)}` },
    ]);
  }
  return Number(raw);
}

/** The query values a page keeps in its own links. */
export function keptQuery(query: Query, names: readonly string[]): QueryValues {
  const kept: Record<string, string> = {};
  for (const name of names) {
    const value = text(query, name);
    if (value !== undefined) kept[name] = value;
  }
  return kept;
}

/** A route parameter (":id"), as one string. */
export function routeParam(params: Readonly<Record<string, unknown>>, name: string): string {
  const value = params[name];
  if (typeof value !== 'string') {
    throw new ValidationError(`the path needs one ${name}`, [{ where: `path.${name}`, message: 'missing' }]);
  }
  return value;
}
