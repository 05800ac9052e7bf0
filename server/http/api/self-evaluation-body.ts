/**
 * The request body of POST /api/v1/self-evaluations (and the /self form after parsing): a framework
 * and the periods to evaluate. The same schema validates the request and documents it in OpenAPI.
 */
import type { SelfEvaluationRequest } from '../../services/self-evaluations.js';
import { SELF_PERIODS_MAX } from '../../services/self-evaluations.js';
import { compileValidator } from '../../validation/compile.js';

export const selfEvaluationBodySchema = {
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
} as const;

export const asSelfEvaluationBody = compileValidator<SelfEvaluationRequest>(
  'self-evaluation request',
  selfEvaluationBodySchema,
);
