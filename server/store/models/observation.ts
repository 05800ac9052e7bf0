/**
 * Observations: the raw variable values of one unit for one period, as a committed import batch
 * delivered them. An empty cell is simply absent from `values` (missing, not zero).
 */
import { NAME_PATTERN, UNIT_CODE_PATTERN } from './common.js';
import { PERIOD_ID_PATTERN } from './period.js';
import { compileValidator } from '../../validation/compile.js';

import type { ObservationRow } from '../../domain/observation.js';

export type { ObservationRow };

/** An observation as read back, with the batch it came from and that batch's sequence. */
export interface Observation extends ObservationRow {
  readonly batch: string;
  readonly sequence: number;
}

export const asObservationRows = compileValidator<ObservationRow[]>('observations', {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['unit', 'period', 'values'],
    properties: {
      unit: { type: 'string', pattern: UNIT_CODE_PATTERN },
      period: { type: 'string', pattern: PERIOD_ID_PATTERN },
      values: {
        type: 'object',
        propertyNames: { pattern: NAME_PATTERN },
        additionalProperties: { type: 'number' },
      },
    },
  },
});
