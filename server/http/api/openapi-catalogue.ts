/**
 * The definitions catalogue's part of the OpenAPI document (openapi.ts spreads it into its paths):
 * publishing a new catalogue version, and reading the versions.
 */
import { guarded, problem } from './openapi-access.js';
import { json, pathId } from './openapi-parts.js';
import { openApiRequestBody, publishDefinitionsBody } from './request-schemas.js';

const summary = {
  type: 'object',
  required: [
    'version',
    'sha256',
    'fileCount',
    'reason',
    'actor',
    'createdAt',
    'basedOn',
    'origin',
    'changes',
  ],
  properties: {
    version: { type: 'integer', minimum: 1 },
    sha256: { type: 'string' },
    fileCount: { type: 'integer' },
    reason: { description: 'text, or { zh, en }' },
    actor: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    basedOn: { type: ['integer', 'null'] },
    origin: { enum: ['seed', 'app', 'folder'] },
    changes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['file', 'change'],
        properties: {
          file: { type: 'string' },
          change: { enum: ['added', 'changed', 'removed'] },
          kind: { enum: ['indicator', 'dimension', 'framework'] },
          id: { type: 'string' },
          from: { type: 'string', description: 'the definition’s version field before' },
          to: { type: 'string', description: 'the definition’s version field after' },
        },
      },
    },
  },
} as const;

export const cataloguePaths = {
  '/catalogue': {
    post: {
      summary:
        'Publish definitions (researchers, admins): changed files (text, or null to remove) against the version they were made from; checked as `indicators check` would, stored as the next catalogue version, audited',
      requestBody: openApiRequestBody(publishDefinitionsBody),
      responses: {
        ...guarded,
        '201': json('the new catalogue version (without files)', summary),
        '400': problem,
        '409': problem,
      },
    },
  },
  '/catalogue/versions': {
    get: {
      summary: 'Every catalogue version without its files, newest first',
      responses: {
        ...guarded,
        '200': json('versions', { type: 'object', properties: { items: { type: 'array', items: summary } } }),
      },
    },
  },
  '/catalogue/versions/{n}': {
    get: {
      summary: 'One catalogue version with its files (path and exact text)',
      parameters: [pathId('n', 'catalogue version number')],
      responses: { ...guarded, '200': json('the version with its files'), '404': problem },
    },
  },
} as const;
