/**
 * The OpenAPI 3.1 description of /api/v1, served at /api/openapi.json. Kept beside the routers
 * and checked by tests that every documented path answers, and answers 401 without credentials.
 * Request bodies are the schemas the routers validate with (request-schemas.ts).
 * Every operation needs a bearer token or the session cookie, except logging in.
 */
import { accessComponents, accessPaths, guarded, problem } from './openapi-access.js';
import { json, paging, pathId } from './openapi-parts.js';
import { selfEvaluationPaths } from './openapi-self.js';
import { cataloguePaths } from './openapi-catalogue.js';
import {
  confirmBatchBody,
  newEvaluationBody,
  newVersionBody,
  openApiRequestBody,
  publishBody,
  returnBatchBody,
} from './request-schemas.js';
import { DATA_SOURCES, VALUE_STATUSES } from '../../domain/data-source.js';

const page = (item: string): object =>
  json('a page of results', {
    type: 'object',
    required: ['items', 'limit', 'offset', 'next'],
    properties: {
      items: { type: 'array', items: { $ref: `#/components/schemas/${item}` } },
      limit: { type: 'integer' },
      offset: { type: 'integer' },
      next: { type: ['integer', 'null'] },
    },
  });
const accepted = json('the job was started; poll the Location', { $ref: '#/components/schemas/Job' });

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: '治理 Zhili API',
    version: '1.0.0',
    description:
      'Units, observations, imports, indicator frameworks and evaluations of the Zhili governance-evaluation engine. Errors are application/problem+json (RFC 9457). Authenticate with an API token (Authorization: Bearer zl_…) or the session cookie from POST /session; cookie calls that change anything must send X-CSRF-Token.',
  },
  servers: [{ url: '/api/v1' }],
  security: [{ bearerAuth: [] }, { cookieAuth: [] }],
  paths: {
    ...accessPaths,
    ...cataloguePaths,
    '/units': {
      get: {
        summary: 'List units',
        parameters: [
          { name: 'level', in: 'query', schema: { enum: ['city', 'district', 'street', 'community'] } },
          {
            name: 'parent',
            in: 'query',
            description: 'children of this unit; empty for the roots',
            schema: { type: 'string' },
          },
          ...paging,
        ],
        responses: { ...guarded, '200': page('Unit'), '400': problem },
      },
    },
    '/units/{code}': {
      get: {
        summary: 'One unit',
        parameters: [pathId('code', 'unit code')],
        responses: {
          ...guarded,
          '200': json('the unit', { $ref: '#/components/schemas/Unit' }),
          '404': problem,
        },
      },
    },
    '/unit-template': {
      get: {
        summary:
          'The unit register template (data.import): the columns the importer reads, filled with the current register',
        parameters: [{ name: 'format', in: 'query', schema: { enum: ['csv', 'xlsx'], default: 'csv' } }],
        responses: {
          ...guarded,
          '200': {
            description: 'the template file',
            content: {
              'text/csv': {},
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {},
            },
          },
          '400': problem,
        },
      },
    },
    '/units/{code}/observations/{period}/history': {
      get: {
        summary: 'Every committed observation of a unit in a period, newest first',
        parameters: [pathId('code', 'unit code'), pathId('period', 'period id')],
        responses: { ...guarded, '200': json('the history') },
      },
    },
    '/periods': {
      get: { summary: 'List periods', responses: { ...guarded, '200': json('periods, earliest first') } },
    },
    '/observations': {
      get: {
        summary: 'Current observations of a period (the latest committed batch wins)',
        parameters: [
          { name: 'period', in: 'query', required: true, schema: { type: 'string' } },
          { name: 'unit', in: 'query', schema: { type: 'string' } },
          ...paging,
        ],
        responses: { ...guarded, '200': page('Observation'), '400': problem },
      },
    },
    '/frameworks': {
      get: { summary: 'List indicator frameworks', responses: { ...guarded, '200': json('frameworks') } },
    },
    '/frameworks/{id}': {
      get: {
        summary: 'A framework resolved: tree, indicators, variables, methods, hashes',
        parameters: [pathId('id', 'framework id')],
        responses: { ...guarded, '200': json('the framework'), '404': problem },
      },
    },
    '/frameworks/{id}/template': {
      get: {
        summary:
          "The data-collection template, blank or prefilled with the communities under a unit (and a period's stored values, data.read)",
        parameters: [
          pathId('id', 'framework id'),
          { name: 'format', in: 'query', schema: { enum: ['csv', 'xlsx'], default: 'csv' } },
          {
            name: 'under',
            in: 'query',
            schema: { type: 'string' },
            description: 'a district or street code',
          },
          {
            name: 'values',
            in: 'query',
            schema: { type: 'string' },
            description: "prefill this period's values",
          },
          {
            name: 'period',
            in: 'query',
            schema: { type: 'string' },
            description: 'the period column (default: values)',
          },
        ],
        responses: {
          ...guarded,
          '200': {
            description: 'the template file',
            content: {
              'text/csv': {},
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {},
            },
          },
          '400': problem,
          '404': problem,
        },
      },
    },
    '/indicator-drafts/check': {
      post: {
        summary:
          'Check one indicator definition against the catalogue, as `indicators check` would (researchers, admins); stores nothing',
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { type: 'object', description: 'an indicator definition' } },
          },
        },
        responses: {
          ...guarded,
          '200': json('the check: ok, problems (where, message, expected, found), fixtures, revises', {
            type: 'object',
            required: ['ok', 'problems', 'fixtures'],
          }),
        },
      },
    },
    '/imports': {
      get: {
        summary: 'List import batches, newest first',
        parameters: paging,
        responses: { ...guarded, '200': page('ImportBatch') },
      },
      post: {
        summary:
          'Upload a unit register, observations or survey responses (CSV, XLSX or JSON) as the raw body',
        parameters: [
          {
            name: 'kind',
            in: 'query',
            required: true,
            schema: { enum: ['units', 'observations', 'responses'] },
          },
          {
            name: 'period',
            in: 'query',
            description: 'the period of every row, unless the file has a period column',
            schema: { type: 'string' },
          },
          { name: 'framework', in: 'query', schema: { type: 'string', default: 'default' } },
          { name: 'filename', in: 'query', schema: { type: 'string' } },
          {
            name: 'source',
            in: 'query',
            description:
              'observations: who produced the figures (the community itself, the street, a survey or inspection)',
            schema: { enum: DATA_SOURCES, default: 'self' },
          },
          {
            name: 'corrects',
            in: 'query',
            description: 'observations: the confirmed or returned batch this file corrects (with reason)',
            schema: { type: 'string' },
          },
          { name: 'reason', in: 'query', description: 'why the correction', schema: { type: 'string' } },
        ],
        requestBody: {
          required: true,
          content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
        },
        responses: { ...guarded, '202': accepted, '400': problem, '413': problem },
      },
    },
    '/imports/review': {
      get: {
        summary:
          'Self-reported observation batches not yet confirmed or returned that you may review (data.confirm), newest first',
        parameters: paging,
        responses: { ...guarded, '200': page('BatchAwaitingReview') },
      },
    },
    '/imports/{id}': {
      get: {
        summary: 'One import batch',
        parameters: [pathId('id', 'batch id')],
        responses: {
          ...guarded,
          '200': json('the batch', { $ref: '#/components/schemas/ImportBatch' }),
          '404': problem,
        },
      },
    },
    '/imports/{id}/confirm': {
      post: {
        summary:
          'Confirm a self-reported batch (data.confirm; its units must be directly below your unit scope); it is then locked',
        parameters: [pathId('id', 'batch id')],
        requestBody: { ...openApiRequestBody(confirmBatchBody), required: false },
        responses: {
          ...guarded,
          '200': json('the batch', { $ref: '#/components/schemas/ImportBatch' }),
          '404': problem,
          '409': problem,
        },
      },
    },
    '/imports/{id}/return': {
      post: {
        summary: 'Return a self-reported batch with a reason: evaluations stop using it; it is then locked',
        parameters: [pathId('id', 'batch id')],
        requestBody: openApiRequestBody(returnBatchBody),
        responses: {
          ...guarded,
          '200': json('the batch', { $ref: '#/components/schemas/ImportBatch' }),
          '400': problem,
          '404': problem,
          '409': problem,
        },
      },
    },
    '/imports/{id}/report': {
      get: {
        summary: 'The validation report of a batch: every bad cell by row, column and reason',
        parameters: [
          pathId('id', 'batch id'),
          { name: 'format', in: 'query', schema: { enum: ['json', 'csv'], default: 'json' } },
        ],
        responses: { ...guarded, '200': json('the report'), '404': problem },
      },
    },
    '/evaluations': {
      get: {
        summary: 'List evaluations, newest first',
        parameters: [
          { name: 'status', in: 'query', schema: { enum: ['draft', 'published'] } },
          { name: 'framework', in: 'query', schema: { type: 'string' } },
          ...paging,
        ],
        responses: { ...guarded, '200': page('Evaluation'), '400': problem },
      },
      post: {
        summary: 'Score a framework over periods; stores a draft evaluation',
        requestBody: openApiRequestBody(newEvaluationBody),
        responses: { ...guarded, '202': accepted, '400': problem, '404': problem },
      },
    },
    '/evaluations/compare': {
      get: {
        summary:
          "Compare two or three evaluations of the same units (COINr's compare_coins): Spearman's ρ and Kendall's τ-b per pair, the biggest movers, every unit's score and rank in each (null where absent); a unit scope cuts the units",
        parameters: [
          { name: 'ids', in: 'query', required: true, schema: { type: 'string' }, description: 'A,B[,C]' },
          { name: 'level', in: 'query', schema: { enum: ['community', 'street', 'district'] } },
          { name: 'period', in: 'query', schema: { type: 'string' } },
        ],
        responses: { ...guarded, '200': json('the comparison'), '400': problem, '404': problem },
      },
    },
    '/evaluations/{id}': {
      get: {
        summary: 'One evaluation',
        parameters: [pathId('id', 'evaluation id')],
        responses: {
          ...guarded,
          '200': json('the evaluation', { $ref: '#/components/schemas/Evaluation' }),
          '404': problem,
        },
      },
      delete: {
        summary:
          'Delete a draft and its results (evaluators and admins; audited as evaluation.delete); a published evaluation is refused with 409',
        parameters: [pathId('id', 'evaluation id')],
        responses: {
          ...guarded,
          '200': json('the deleted draft', { $ref: '#/components/schemas/Evaluation' }),
          '404': problem,
          '409': problem,
        },
      },
    },
    '/evaluations/{id}/results': {
      get: {
        summary: 'The results document (columnar, zhili-results/2)',
        parameters: [pathId('id', 'evaluation id')],
        responses: { ...guarded, '200': json('the results'), '404': problem },
      },
    },
    '/evaluations/{id}/publish': {
      post: {
        summary: 'Publish a draft; published evaluations are immutable',
        parameters: [pathId('id', 'evaluation id')],
        requestBody: { ...openApiRequestBody(publishBody), required: false },
        responses: { ...guarded, '200': json('the published evaluation'), '404': problem, '409': problem },
      },
    },
    '/evaluations/{id}/versions': {
      get: {
        summary: 'The versions of an evaluation, oldest first (drafts only with drafts.read)',
        parameters: [pathId('id', 'evaluation id (any version of the line)')],
        responses: {
          ...guarded,
          '200': json('the line', {
            type: 'object',
            required: ['lineage', 'items'],
            properties: {
              lineage: { type: 'string', description: 'the id of the first version' },
              items: { type: 'array', items: { $ref: '#/components/schemas/Evaluation' } },
            },
          }),
          '404': problem,
        },
      },
      post: {
        summary:
          'Make a new version of a published evaluation (the latest of its line) on the current data; stores a draft that cites it',
        parameters: [pathId('id', 'the published evaluation to supersede')],
        requestBody: openApiRequestBody(newVersionBody),
        responses: {
          ...guarded,
          '202': accepted,
          '400': problem,
          '403': problem,
          '404': problem,
          '409': problem,
        },
      },
    },
    ...selfEvaluationPaths,
    '/jobs': {
      get: {
        summary:
          'The caller’s jobs, newest first (admins: everyone’s); finished ones are kept 30 days, across restarts',
        parameters: paging,
        responses: { ...guarded, '200': page('Job'), '400': problem },
      },
    },
    '/jobs/{id}': {
      get: {
        summary:
          'Progress and outcome of an import or evaluation job, also after a restart (one it interrupted is failed, code "interrupted")',
        parameters: [pathId('id', 'job id')],
        responses: {
          ...guarded,
          '200': json('the job', { $ref: '#/components/schemas/Job' }),
          '404': problem,
        },
      },
    },
    '/jobs/{id}/cancel': {
      post: {
        summary:
          'Cancel a queued or running evaluation job (its owner or an admin; audited as job.cancel): it ends cancelled and stores nothing',
        parameters: [pathId('id', 'job id')],
        responses: {
          ...guarded,
          '202': json('the job; a running one ends cancelled at its next checkpoint', {
            $ref: '#/components/schemas/Job',
          }),
          '404': problem,
          '409': problem,
        },
      },
    },
  },
  components: {
    securitySchemes: accessComponents.securitySchemes,
    responses: {
      ...accessComponents.responses,
      Problem: {
        description: 'an error, as RFC 9457 problem details',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    },
    schemas: {
      ...accessComponents.schemas,
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status', 'code', 'detail'],
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          code: { type: 'string' },
          detail: { type: 'string' },
          instance: { type: 'string' },
          errors: {
            type: 'array',
            items: { type: 'object', properties: { where: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
      Unit: {
        type: 'object',
        required: ['code', 'name', 'level', 'parent', 'attributes'],
        properties: {
          code: { type: 'string' },
          name: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } },
          level: { enum: ['city', 'district', 'street', 'community'] },
          parent: { type: ['string', 'null'] },
          attributes: { type: 'object' },
        },
      },
      Observation: {
        type: 'object',
        required: ['unit', 'period', 'values', 'batch'],
        properties: {
          unit: { type: 'string' },
          period: { type: 'string' },
          values: { type: 'object', additionalProperties: { type: 'number' } },
          batch: { type: 'string' },
          status: {
            enum: VALUE_STATUSES,
            description:
              'the source and review status of the row’s batch (self, confirmed, street, third_party)',
          },
          origins: {
            type: 'object',
            description: 'per variable, the batch its value came from and that batch’s status',
            additionalProperties: {
              type: 'object',
              properties: { batch: { type: 'string' }, status: { enum: VALUE_STATUSES } },
            },
          },
        },
      },
      ImportBatch: {
        type: 'object',
        required: ['id', 'kind', 'status'],
        properties: {
          id: { type: 'string' },
          kind: { enum: ['units', 'observations', 'responses'] },
          status: { enum: ['pending', 'committed', 'failed'] },
          source: { enum: DATA_SOURCES },
          review: {
            type: ['object', 'null'],
            description: 'the confirmation or return of a self-reported batch',
            properties: {
              decision: { enum: ['confirmed', 'returned'] },
              by: { type: 'string' },
              at: { type: 'string', format: 'date-time' },
              reason: { type: ['string', 'null'] },
            },
          },
          corrects: { type: ['string', 'null'], description: 'the batch this one corrects' },
          correctionReason: { type: ['string', 'null'] },
        },
      },
      BatchAwaitingReview: {
        type: 'object',
        required: ['batch', 'unitCount', 'units'],
        properties: {
          batch: { $ref: '#/components/schemas/ImportBatch' },
          unitCount: { type: 'integer', description: 'how many units the batch holds figures for' },
          units: {
            type: 'array',
            description: 'the first few of those units, by code',
            items: {
              type: 'object',
              required: ['code', 'name'],
              properties: { code: { type: 'string' }, name: { type: ['object', 'null'] } },
            },
          },
        },
      },
      Evaluation: {
        type: 'object',
        required: ['id', 'status', 'framework', 'periods'],
        properties: {
          id: { type: 'string' },
          status: { enum: ['draft', 'published'] },
          framework: { type: 'object' },
          periods: { type: 'array', items: { type: 'string' } },
          version: { type: 'integer', minimum: 1 },
          supersedes: { type: ['string', 'null'], description: 'the evaluation this version replaces' },
          lineage: { type: 'string', description: 'the id of the line’s first version' },
        },
      },
      Job: {
        type: 'object',
        required: ['id', 'kind', 'status', 'progress', 'startedAt', 'finishedAt'],
        properties: {
          id: { type: 'string' },
          kind: { type: 'string' },
          status: {
            enum: ['queued', 'running', 'succeeded', 'failed', 'cancelled'],
            description: 'evaluations queue: ZHILI_MAX_JOBS run at once',
          },
          owner: { type: ['string', 'null'], description: 'the user id of who started it' },
          progress: {
            type: 'object',
            properties: { done: { type: 'number' }, total: { type: 'number' }, step: { type: 'string' } },
          },
          startedAt: { type: 'string', format: 'date-time' },
          finishedAt: { type: ['string', 'null'], format: 'date-time' },
          result: {},
          error: {
            type: ['object', 'null'],
            description:
              'why it failed or was cancelled: code, status, message, details; code "interrupted" when a server restart stopped it (nothing was stored)',
          },
        },
      },
    },
  },
} as const;
