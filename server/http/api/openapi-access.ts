/**
 * The OpenAPI description of the access endpoints (who am I, log in and out, API tokens, users,
 * the audit log) and the shared pieces every operation uses: the two ways to authenticate and
 * the 401/403 answers. openapi.ts merges these into the one document.
 */
import { json, paging, pathId } from './openapi-parts.js';
import {
  loginBody,
  newTokenBody,
  newUserBody,
  openApiRequestBody,
  userTokenBody,
  userChangeBody,
} from './request-schemas.js';

export const problem = { $ref: '#/components/responses/Problem' };
/** Every operation that needs a principal answers these. */
export const guarded = {
  '401': { $ref: '#/components/responses/Unauthenticated' },
  '403': { $ref: '#/components/responses/Forbidden' },
};
const id = (description: string): object => pathId('id', description);
const user = { $ref: '#/components/schemas/User' };
const auditFilters = [
  { name: 'actor', in: 'query', schema: { type: 'string' } },
  { name: 'action', in: 'query', schema: { type: 'string' }, example: 'login.failure' },
  { name: 'target', in: 'query', schema: { type: 'string' } },
  { name: 'since', in: 'query', description: 'inclusive', schema: { type: 'string', format: 'date-time' } },
  { name: 'until', in: 'query', description: 'exclusive', schema: { type: 'string', format: 'date-time' } },
];

export const accessPaths = {
  '/me': {
    get: {
      summary: 'The caller: user, permissions, credential, and the CSRF token of a browser session',
      responses: { '200': json('who is calling'), ...guarded },
    },
  },
  '/session': {
    post: {
      summary: 'Log in: sets the session cookie and answers the user and the CSRF token',
      description:
        'Rate limited: 30 attempts per address and 5 failures per login in 15 minutes (429 with Retry-After). A wrong login and a wrong password give the same 401.',
      security: [],
      requestBody: openApiRequestBody(loginBody),
      responses: {
        '200': json('logged in', {
          type: 'object',
          properties: { user, csrfToken: { type: 'string' }, expiresAt: { type: 'string' } },
        }),
        '400': problem,
        '401': { $ref: '#/components/responses/Unauthenticated' },
        '403': { $ref: '#/components/responses/Forbidden' },
        '415': problem,
        '429': problem,
      },
    },
    delete: {
      summary: 'Log out: revokes the browser session of this request',
      responses: { '204': { description: 'logged out' }, '400': problem, ...guarded },
    },
  },
  '/tokens': {
    get: {
      summary: "The caller's active API tokens (admins: another user's with ?user=)",
      parameters: [{ name: 'user', in: 'query', schema: { type: 'string' } }],
      responses: { '200': json('tokens, newest first'), ...guarded },
    },
    post: {
      summary: 'Issue an API token; the secret is answered this once and never again',
      requestBody: openApiRequestBody(newTokenBody),
      responses: {
        '201': json('the token and its secret', {
          type: 'object',
          properties: { token: { type: 'object' }, secret: { type: 'string' } },
        }),
        '400': problem,
        ...guarded,
      },
    },
  },
  '/tokens/{id}': {
    delete: {
      summary: 'Revoke an API token (your own; admins: anyone’s)',
      parameters: [id('token id')],
      responses: { '204': { description: 'revoked' }, '404': problem, ...guarded },
    },
  },
  '/users': {
    get: {
      summary: 'List users (users.manage)',
      parameters: paging,
      responses: { '200': json('a page of users'), ...guarded },
    },
    post: {
      summary: 'Create a user (users.manage)',
      requestBody: openApiRequestBody(newUserBody),
      responses: { '201': json('the user', user), '400': problem, '409': problem, ...guarded },
    },
  },
  '/users/{id}': {
    get: {
      summary: 'One user (users.manage)',
      parameters: [id('user id')],
      responses: { '200': json('the user', user), '404': problem, ...guarded },
    },
    patch: {
      summary: 'Change a user: role, unit scope, name, disabled, password (users.manage)',
      description:
        'Disabling a user stops their sessions and tokens at once; a new password ends their sessions.',
      parameters: [id('user id')],
      requestBody: openApiRequestBody(userChangeBody),
      responses: {
        '200': json('the user', user),
        '400': problem,
        '404': problem,
        '409': problem,
        ...guarded,
      },
    },
  },
  '/users/{id}/tokens': {
    post: {
      summary: 'Issue an API token for another user (users.manage); the secret is answered this once',
      parameters: [id('user id')],
      requestBody: openApiRequestBody(userTokenBody),
      responses: {
        '201': json('the token and its secret', {
          type: 'object',
          properties: { token: { type: 'object' }, secret: { type: 'string' } },
        }),
        '400': problem,
        '404': problem,
        '409': problem,
        ...guarded,
      },
    },
  },
  '/audit': {
    get: {
      summary: 'The audit log, newest first (audit.read)',
      parameters: [...auditFilters, ...paging],
      responses: { '200': json('a page of audit events'), '400': problem, ...guarded },
    },
  },
  '/audit/export': {
    get: {
      summary: 'Download the audit log as CSV (UTF-8 with BOM, formula cells neutralised) or JSON',
      parameters: [
        ...auditFilters,
        { name: 'format', in: 'query', schema: { enum: ['csv', 'json'], default: 'csv' } },
      ],
      responses: {
        '200': { description: 'the file', content: { 'text/csv': {}, 'application/json': {} } },
        '400': problem,
        ...guarded,
      },
    },
  },
};

export const accessComponents = {
  securitySchemes: {
    bearerAuth: {
      type: 'http',
      scheme: 'bearer',
      description: 'an API token (zl_…) from POST /tokens; needs no CSRF token',
    },
    cookieAuth: {
      type: 'apiKey',
      in: 'cookie',
      name: 'zhili_session',
      description: 'the browser session from POST /session; unsafe calls must also send X-CSRF-Token',
    },
  },
  responses: {
    Unauthenticated: {
      description: 'no valid session or API token',
      headers: { 'WWW-Authenticate': { schema: { type: 'string' } } },
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    },
    Forbidden: {
      description:
        'the role may not do this, or a cookie call came without X-CSRF-Token or from another site',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    },
  },
  schemas: {
    User: {
      type: 'object',
      required: ['id', 'login', 'displayName', 'role', 'unitScope', 'disabled', 'hasPassword'],
      properties: {
        id: { type: 'string' },
        login: { type: 'string' },
        displayName: { type: 'string' },
        role: { enum: ['admin', 'evaluator', 'researcher', 'viewer'] },
        unitScope: { type: ['array', 'null'], items: { type: 'string' } },
        disabled: { type: 'boolean' },
        hasPassword: { type: 'boolean' },
        createdAt: { type: 'string' },
        updatedAt: { type: 'string' },
      },
    },
  },
};
