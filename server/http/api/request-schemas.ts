/**
 * The JSON request bodies of /api/v1, one place each: the schema a router validates a body with
 * is the very object the OpenAPI document shows (openapi.ts, openapi-access.ts), so the two cannot
 * drift apart. Each entry names its operation; `parse` narrows an `unknown` body or throws a
 * ValidationError naming every bad field.
 *
 * @example const body = loginBody.parse(req.body, 'body'); // { login, password }
 */
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, PASSWORD_INPUT_LIMIT } from '../../access/passwords.js';
import { TOKEN_MAX_DAYS } from '../../access/credentials.js';
import type { NewUserRequest, UserChange } from '../../access/user-admin.js';
import type { MethodChoices } from '../../engine/types.js';
import type { Bilingual } from '../../domain/bilingual.js';
import type { VersionReason } from '../../domain/evaluation.js';
import { USER_FIELD_SCHEMAS, versionReasonSchema } from '../../domain/schemas.js';
import type { JsonValue } from '../../domain/json-value.js';
import { compileValidator, type Narrow } from '../../validation/compile.js';
import { SELF_PERIODS_MAX, type SelfEvaluationRequest } from '../../services/self-evaluations.js';
import {
  definitionsPublicationSchema,
  type DefinitionsPublication,
} from '../../services/publish-definitions.js';
import {
  evaluationLabelSchema,
  evaluationPeriodsSchema,
  methodChoicesSchema,
} from './evaluation-request-parts.js';

export interface RequestBody<T> {
  readonly method: 'post' | 'patch';
  /** The OpenAPI path, relative to /api/v1. */
  readonly path: string;
  readonly schema: object;
  readonly parse: Narrow<T>;
}

function requestBody<T>(
  method: 'post' | 'patch',
  path: string,
  what: string,
  schema: object,
): RequestBody<T> {
  return { method, path, schema, parse: compileValidator<T>(what, schema) };
}

export const loginBody = requestBody<{ login: string; password: string }>('post', '/session', 'login', {
  type: 'object',
  additionalProperties: false,
  required: ['login', 'password'],
  properties: {
    login: { type: 'string', minLength: 1, maxLength: 100 },
    // The length rule itself is passwords.ts's; the schema only bounds the input.
    password: { type: 'string', minLength: 1, maxLength: PASSWORD_INPUT_LIMIT },
  },
});

/** A new API token: for the caller (POST /tokens) or, by an admin, for another user (POST /users/{id}/tokens). */
const tokenRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['label'],
  properties: {
    label: { type: 'string', minLength: 1, maxLength: 200 },
    days: { type: 'integer', minimum: 1, maximum: TOKEN_MAX_DAYS, description: 'default 90' },
  },
};

export const newTokenBody = requestBody<{ label: string; days?: number }>(
  'post',
  '/tokens',
  'token request',
  tokenRequestSchema,
);

/** An admin issuing a token for another user: the same request as POST /tokens. */
export const userTokenBody = requestBody<{ label: string; days?: number }>(
  'post',
  '/users/{id}/tokens',
  'token request',
  tokenRequestSchema,
);

const password = {
  type: 'string',
  minLength: 1,
  maxLength: PASSWORD_INPUT_LIMIT,
  description: `${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters (Unicode code points) and not the login, checked by the password rules; the input is bounded at ${PASSWORD_INPUT_LIMIT}`,
};

export const newUserBody = requestBody<NewUserRequest>('post', '/users', 'new user', {
  type: 'object',
  additionalProperties: false,
  required: ['login', 'displayName', 'role'],
  properties: {
    login: USER_FIELD_SCHEMAS.login,
    displayName: USER_FIELD_SCHEMAS.displayName,
    role: USER_FIELD_SCHEMAS.role,
    unitScope: USER_FIELD_SCHEMAS.unitScope,
    password,
    selfAssess: {
      type: 'boolean',
      description: 'the right to self-assess (self.assess): only a viewer scoped to exactly one community',
    },
  },
});

export const userChangeBody = requestBody<UserChange>('patch', '/users/{id}', 'user change', {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    displayName: USER_FIELD_SCHEMAS.displayName,
    role: USER_FIELD_SCHEMAS.role,
    unitScope: USER_FIELD_SCHEMAS.unitScope,
    password,
    disabled: { type: 'boolean' },
    selfAssess: {
      type: 'boolean',
      description: 'the right to self-assess (self.assess); cleared when the role or scope stops fitting it',
    },
  },
});

export const newEvaluationBody = requestBody<{
  framework: string;
  periods: string[];
  label?: { zh: string; en: string };
  methods?: MethodChoices;
  uncertainty?: Record<string, unknown>;
}>('post', '/evaluations', 'evaluation request', {
  type: 'object',
  additionalProperties: false,
  required: ['framework', 'periods'],
  properties: {
    framework: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' },
    periods: evaluationPeriodsSchema,
    label: evaluationLabelSchema,
    // Checked in full by the engine (server/engine/uncertainty/spec.ts) before any work.
    uncertainty: { type: 'object', description: 'Monte Carlo settings (replications, seed, weights …)' },
    methods: methodChoicesSchema,
  },
});

export const newVersionBody = requestBody<{
  reason: VersionReason;
  label?: Bilingual;
  methods?: MethodChoices;
  periods?: string[];
  uncertainty?: JsonValue;
  frameworkVersion?: string;
}>('post', '/evaluations/{id}/versions', 'version request', {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: {
    reason: versionReasonSchema,
    label: evaluationLabelSchema,
    methods: methodChoicesSchema,
    periods: evaluationPeriodsSchema,
    // Checked in full by the engine (server/engine/uncertainty/spec.ts); null runs none.
    uncertainty: {
      type: ['object', 'null'],
      description: 'Monte Carlo settings; null for none; absent keeps the previous version’s',
    },
    frameworkVersion: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      description:
        'the framework version to use (any the catalogue ever held); absent keeps the previous version’s',
    },
  },
});

/** Publishing a draft: optionally why (recorded in the audit event). */
export const publishBody = requestBody<{ reason?: VersionReason }>(
  'post',
  '/evaluations/{id}/publish',
  'publish request',
  { type: 'object', additionalProperties: false, properties: { reason: versionReasonSchema } },
);

/** POST /self-evaluations: a framework and the periods a community evaluates itself over. */
export const selfEvaluationBody = requestBody<SelfEvaluationRequest>(
  'post',
  '/self-evaluations',
  'self-evaluation request',
  {
    type: 'object',
    additionalProperties: false,
    required: ['framework', 'periods'],
    properties: {
      framework: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' },
      periods: {
        type: 'array',
        minItems: 1,
        maxItems: SELF_PERIODS_MAX,
        uniqueItems: true,
        items: { type: 'string', minLength: 1, maxLength: 64 },
      },
    },
  },
);

/** Publishing definitions as the next catalogue version (the use case validates with the same schema). */
export const publishDefinitionsBody = requestBody<DefinitionsPublication>(
  'post',
  '/catalogue',
  'publication',
  definitionsPublicationSchema,
);

/** Every JSON request body the API validates, for the OpenAPI document and its test. */
export const REQUEST_BODIES: readonly RequestBody<unknown>[] = [
  loginBody,
  newTokenBody,
  userTokenBody,
  newUserBody,
  userChangeBody,
  newEvaluationBody,
  newVersionBody,
  publishBody,
  selfEvaluationBody,
  publishDefinitionsBody,
];

/** An OpenAPI requestBody whose schema is the one the router validates with. */
export function openApiRequestBody(body: RequestBody<unknown>): object {
  return { required: true, content: { 'application/json': { schema: body.schema } } };
}
