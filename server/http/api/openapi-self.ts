/**
 * The self-evaluation paths of the OpenAPI document (openapi.ts spreads them in).
 */
import { guarded, problem } from './openapi-access.js';
import { json, pathId } from './openapi-parts.js';
import { openApiRequestBody, selfEvaluationBody } from './request-schemas.js';

const notes =
  'Only for a viewer granted self.assess (scoped to one community); private to that user: anyone else, admins included, gets 404 for its id.';

export const selfEvaluationPaths = {
  '/self-evaluations': {
    get: {
      summary: 'My self-evaluations (自主评价), newest first',
      description: notes,
      responses: {
        ...guarded,
        '200': json('{ items: [{ id, unit, framework, periods, createdAt, score }] }'),
      },
    },
    post: {
      summary: 'Run a self-evaluation of my community over chosen periods (goalposts normalisation)',
      description: `${notes} Audited as self_evaluation.run (framework and periods only, no figures).`,
      requestBody: openApiRequestBody(selfEvaluationBody),
      responses: { ...guarded, '201': json('the self-evaluation'), '400': problem },
    },
  },
  '/self-evaluations/options': {
    get: {
      summary: 'What a self-evaluation may use: my community, the frameworks, the periods with its data',
      description: notes,
      responses: { ...guarded, '200': json('{ unit, frameworks, periods }') },
    },
  },
  '/self-evaluations/{id}': {
    get: {
      summary: 'One of my self-evaluations',
      description: notes,
      parameters: [pathId('id', 'self-evaluation id')],
      responses: { ...guarded, '200': json('the self-evaluation'), '404': problem },
    },
  },
} as const;
