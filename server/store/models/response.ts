/**
 * Survey respondents: one row per respondent, as a committed import batch delivered them
 * (domain/response.ts). Weights are positive; answers are integers (scale values).
 */
import { NAME_PATTERN, UNIT_CODE_PATTERN } from './common.js';
import { PERIOD_ID_PATTERN } from './period.js';
import { compileValidator } from '../../validation/compile.js';

import type { ResponseRow } from '../../domain/response.js';

export type { ResponseRow };

/** Respondents read back, with the batch they came from and that batch's sequence. */
export interface Response extends ResponseRow {
  readonly batch: string;
  readonly sequence: number;
}

export const asResponseRows = compileValidator<ResponseRow[]>('responses', {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['unit', 'period', 'answers', 'weight'],
    properties: {
      unit: { type: 'string', pattern: UNIT_CODE_PATTERN },
      period: { type: 'string', pattern: PERIOD_ID_PATTERN },
      answers: {
        type: 'object',
        propertyNames: { pattern: NAME_PATTERN },
        additionalProperties: { type: 'integer' },
      },
      weight: { type: 'number', exclusiveMinimum: 0 },
    },
  },
});
