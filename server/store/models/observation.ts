/**
 * Observations: the raw variable values of one unit for one period, as a committed import batch
 * delivered them. An empty cell is simply absent from `values` (missing, not zero).
 */
import { NAME_PATTERN, UNIT_CODE_PATTERN } from './common.js';
import { PERIOD_ID_PATTERN } from './period.js';
import { compileValidator } from '../../validation/compile.js';

import type { ObservationRow } from '../../domain/observation.js';
import type { ValueStatus } from '../../domain/data-source.js';

export type { ObservationRow };

/** Where one value came from: its batch and that batch's status (self, confirmed, street …). */
export interface ValueOrigin {
  readonly batch: string;
  readonly status: ValueStatus;
}

/** An observation as read back, with the batch it came from and that batch's sequence. */
export interface Observation extends ObservationRow {
  readonly batch: string;
  readonly sequence: number;
  /** The value status of the row's batch (the most preferred one, when sources were merged). */
  readonly status?: ValueStatus;
  /** Per variable, the batch its value came from (rows merged from several sources differ by variable). */
  readonly origins?: Readonly<Record<string, ValueOrigin>>;
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
