/**
 * The JSON Schemas of the domain's own fields, the one copy: the store validates its records with
 * them and the API builds its request bodies (and so its OpenAPI description) from them
 * (server/http/api/request-schemas.ts). Plain objects; the ajv instance is server/validation/'s.
 */
import { ROLES } from './user.js';

/** Unit codes: administrative division codes such as 420102001001, or any short code without spaces. */
/** Variable names, ids of frameworks and indicators: letters, digits and "_", starting with a letter. */
export const NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_]{0,99}$';

export const UNIT_CODE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$';

/** Text in both languages. */
export const bilingualSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['zh', 'en'],
  properties: {
    zh: { type: 'string', minLength: 1, maxLength: 500 },
    en: { type: 'string', minLength: 1, maxLength: 500 },
  },
} as const;

/** A reason of 1–500 characters: plain text or { zh, en }. */
export const versionReasonSchema = {
  anyOf: [{ type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' }, bilingualSchema],
} as const;

/**
 * The schema of a user's own fields.
 */
export const USER_FIELD_SCHEMAS = {
  login: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$' },
  displayName: { type: 'string', minLength: 1, maxLength: 200 },
  role: { enum: ROLES },
  unitScope: {
    description: 'codes of the units whose subtrees the user may see; null for all',
    anyOf: [
      { type: 'null' },
      {
        type: 'array',
        maxItems: 200,
        uniqueItems: true,
        items: { type: 'string', pattern: UNIT_CODE_PATTERN },
      },
    ],
  },
} as const;
