/**
 * Paging query parameters: `limit` (1–500, default 100) and `offset` (≥ 0, default 0), and
 * the envelope every list answers with: { items, limit, offset, next }, where `next` is the
 * offset of the following page or null on the last one.
 */
import { ValidationError } from '../../errors.js';

export interface Paging {
  readonly limit: number;
  readonly offset: number;
}

export interface PageEnvelope<T> {
  readonly items: readonly T[];
  readonly limit: number;
  readonly offset: number;
  readonly next: number | null;
}

function integerParam(
  query: Record<string, unknown>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = query[name];
  if (raw === undefined) return fallback;
  const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(`query parameter ${name} must be an integer from ${min} to ${max}`, [
      { where: `query.${name}`, message: `found ${JSON.stringify(raw)}` },
    ]);
  }
  return value;
}

export function pagingOf(query: Record<string, unknown>): Paging {
  return {
    // The store returns at most 1,000 items; a page asks for one more to know whether another follows.
    limit: integerParam(query, 'limit', 100, 1, 500),
    offset: integerParam(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER),
  };
}

/** Envelope for a page fetched with limit + 1 items (so we know whether another page follows). */
export function envelope<T>(fetched: readonly T[], paging: Paging): PageEnvelope<T> {
  const more = fetched.length > paging.limit;
  return {
    items: more ? fetched.slice(0, paging.limit) : fetched,
    limit: paging.limit,
    offset: paging.offset,
    next: more ? paging.offset + paging.limit : null,
  };
}

/** Pages an array already in memory. */
export function pageOf<T>(all: readonly T[], paging: Paging): PageEnvelope<T> {
  return envelope(all.slice(paging.offset, paging.offset + paging.limit + 1), paging);
}

/** A single optional text query parameter; arrays (?a=1&a=2) are refused. */
export function textParam(query: Record<string, unknown>, name: string): string | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw.length > 200) {
    throw new ValidationError(`query parameter ${name} must be one short text value`, [
      { where: `query.${name}`, message: `found ${JSON.stringify(raw)}` },
    ]);
  }
  return raw;
}
