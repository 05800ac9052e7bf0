/**
 * Building blocks shared by the model schemas: bilingual text, identifiers and timestamps.
 */
export type { Bilingual } from '../../domain/bilingual.js';

/** NAME_PATTERN: variable names, ids of frameworks and indicators (letters, digits, "_"; a letter first). */
export { NAME_PATTERN, UNIT_CODE_PATTERN, bilingualSchema } from '../../domain/schemas.js';

/** Ids the store generates (see ids.ts) and users may choose: no spaces, no "$" or ".". */
export const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$';

export const nullableString = (pattern: string): object => ({
  anyOf: [{ type: 'null' }, { type: 'string', pattern }],
});

/** Now as an ISO 8601 UTC timestamp with milliseconds: sortable as text in both adapters. */
export function nowIso(): string {
  return new Date().toISOString();
}
