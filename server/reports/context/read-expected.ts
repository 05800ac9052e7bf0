/**
 * The expected-score section of stored results (issue 16), narrowed from JSON: null when the
 * evaluation was stored without one (before expected scores existed, or with `methods.expected`
 * set to none). A present but malformed section is refused like any bad stored document.
 *
 * @example readExpectedSection(await store.evaluations.readResults(id))?.fits[0].r2
 */
import type { ExpectedDocument } from '../../evaluation/expected-section.js';
import { compileValidator } from '../../validation/compile.js';

const num = { type: ['number', 'null'] } as const;
const cells = { type: 'array', items: num } as const;
const strings = { type: 'array', items: { type: 'string' } } as const;

const readExpected = compileValidator<ExpectedDocument>('expected scores', {
  type: 'object',
  required: ['attributes', 'log', 'fits', 'expected', 'difference', 'standardised', 'excluded'],
  properties: {
    attributes: strings,
    log: strings,
    fits: {
      type: 'array',
      items: {
        type: 'object',
        required: ['period', 'n', 'intercept', 'coefficients', 'r2', 'adjustedR2', 'residualStandardError'],
        properties: {
          period: { type: 'string' },
          n: { type: 'number' },
          intercept: num,
          coefficients: {
            type: 'array',
            items: {
              type: 'object',
              required: ['attribute', 'log', 'estimate', 'perSd'],
              properties: {
                attribute: { type: 'string' },
                log: { type: 'boolean' },
                estimate: num,
                perSd: num,
              },
            },
          },
          r2: num,
          adjustedR2: num,
          residualStandardError: num,
        },
      },
    },
    expected: cells,
    difference: cells,
    standardised: cells,
    excluded: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['reason', 'attribute'],
        properties: {
          reason: { enum: ['missing_attribute', 'not_positive_for_log'] },
          attribute: { type: 'string' },
        },
      },
    },
  },
});

export function readExpectedSection(stored: unknown): ExpectedDocument | null {
  if (typeof stored !== 'object' || stored === null || !('expected' in stored)) return null;
  return readExpected(stored.expected, 'results document expected');
}
