/**
 * Reporting periods as the store keeps them: the schema of the domain's Period (domain/period.ts).
 */
import { bilingualSchema } from './common.js';
import { compileValidator } from '../../validation/compile.js';
import { PERIOD_ID_PATTERN, type Period } from '../../domain/period.js';

export { PERIOD_ID_PATTERN, periodFromId } from '../../domain/period.js';
export type { Period } from '../../domain/period.js';

export const periodSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'label', 'start', 'end'],
  properties: {
    id: { type: 'string', pattern: PERIOD_ID_PATTERN },
    label: bilingualSchema,
    start: { type: 'string', format: 'date' },
    end: { type: 'string', format: 'date' },
  },
} as const;

export const asPeriod = compileValidator<Period>('period', periodSchema);
