/**
 * The self-vs-verified section of stored results (server/evaluation/verification-document.ts),
 * narrowed from JSON: null when the evaluation was stored without one (nobody checked anything,
 * or it predates sources).
 *
 * @example readVerificationSection(stored)?.units[0]?.medianRelativeGap
 */
import type { VerificationDocument } from '../../evaluation/verification-document.js';
import type { IndicatorStatuses } from '../../evaluation/value-statuses.js';
import { compileValidator } from '../../validation/compile.js';

const count = { type: 'integer', minimum: 0 } as const;
const cell = { type: ['number', 'null'] } as const;

const readVerification = compileValidator<VerificationDocument>('self-vs-verified gaps', {
  type: 'object',
  required: ['units'],
  properties: {
    units: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'compared', 'overstated', 'understated', 'medianRelativeGap', 'gaps'],
        properties: {
          code: { type: 'string' },
          compared: count,
          overstated: count,
          understated: count,
          medianRelativeGap: cell,
          gaps: {
            type: 'array',
            items: {
              type: 'object',
              required: ['indicator', 'period', 'self', 'verified', 'relative'],
              properties: {
                indicator: { type: 'string' },
                period: { type: 'string' },
                self: { type: 'number' },
                verified: { type: 'number' },
                relative: cell,
              },
            },
          },
        },
      },
    },
  },
});

export function readVerificationSection(stored: unknown): VerificationDocument | null {
  if (typeof stored !== 'object' || stored === null || !('verification' in stored)) return null;
  return readVerification(stored.verification, 'results document verification');
}

const readStatuses = compileValidator<IndicatorStatuses>('value statuses', {
  type: 'object',
  additionalProperties: {
    type: 'object',
    additionalProperties: {
      type: 'object',
      additionalProperties: { enum: ['self', 'confirmed', 'returned', 'street', 'third_party'] },
    },
  },
});

/** The statuses of the indicator values (null for results stored before sources existed). */
export function readValueStatusesSection(stored: unknown): IndicatorStatuses | null {
  if (typeof stored !== 'object' || stored === null || !('valueStatuses' in stored)) return null;
  return readStatuses(stored.valueStatuses, 'results document valueStatuses');
}
