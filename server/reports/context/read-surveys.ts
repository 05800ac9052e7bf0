/**
 * The survey section of stored results (residents' survey estimates), narrowed from JSON: null when
 * the evaluation's framework reports no survey indicators or the results predate them. A present
 * but malformed section is refused like any bad stored document.
 *
 * @example readSurveysSection(await store.evaluations.readResults(id))?.indicators[0].levels.district
 */
import type { SurveysDocument } from '../../evaluation/surveys-document.js';
import { compileValidator } from '../../validation/compile.js';

const cells = { type: 'array', items: { type: ['number', 'null'] } } as const;
const counts = { type: 'array', items: { type: 'number' } } as const;
const text = {
  type: 'object',
  required: ['zh', 'en'],
  properties: { zh: { type: 'string' }, en: { type: 'string' } },
} as const;
const level = {
  type: 'object',
  required: ['units', 'estimate', 'low', 'high', 'n', 'nEffective', 'missing'],
  properties: {
    units: { type: 'array', items: { type: 'string' } },
    estimate: cells,
    low: cells,
    high: cells,
    n: counts,
    nEffective: counts,
    missing: { type: 'array', items: { type: ['string', 'null'] } },
  },
} as const;

const readSurveys = compileValidator<SurveysDocument>('survey estimates', {
  type: 'object',
  required: ['indicators', 'fingerprint'],
  properties: {
    fingerprint: { type: 'string' },
    indicators: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'id',
          'version',
          'hash',
          'name',
          'item',
          'question',
          'scale',
          'statistic',
          'minSample',
          'scaleMin',
          'scaleMax',
          'levels',
        ],
        properties: {
          id: { type: 'string' },
          version: { type: 'string' },
          hash: { type: 'string' },
          name: text,
          item: { type: 'string' },
          question: text,
          scale: {
            type: 'array',
            items: {
              type: 'object',
              required: ['value', 'label'],
              properties: { value: { type: 'number' }, label: text },
            },
          },
          statistic: {
            anyOf: [
              { const: 'mean' },
              {
                type: 'object',
                required: ['share_at_least'],
                properties: { share_at_least: { type: 'number' } },
              },
            ],
          },
          minSample: { type: 'number' },
          scaleMin: { type: 'number' },
          scaleMax: { type: 'number' },
          levels: { type: 'object', additionalProperties: level },
        },
      },
    },
  },
});

export function readSurveysSection(stored: unknown): SurveysDocument | null {
  if (typeof stored !== 'object' || stored === null || !('surveys' in stored)) return null;
  return readSurveys(stored.surveys, 'results document surveys');
}
