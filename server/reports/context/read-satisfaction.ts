/**
 * The satisfaction-check section of stored results (issue 15), narrowed from JSON: null when the
 * evaluation was stored without one (before the check existed, or its framework reports no survey).
 * A present but malformed section is refused like any bad stored document.
 *
 * @example readSatisfactionSection(await store.evaluations.readResults(id))?.measures[0].indicator
 */
import type { SatisfactionDocument } from '../../evaluation/satisfaction-section.js';
import { compileValidator } from '../../validation/compile.js';

const num = { type: ['number', 'null'] } as const;
const cells = { type: 'array', items: num } as const;
const numbers = { type: 'array', items: { type: 'number' } } as const;
const indexes = { type: 'array', items: { type: 'integer', minimum: 0 } } as const;

const nodeSchema = {
  type: 'object',
  required: [
    'node',
    'n',
    'scoreMissing',
    'pearson',
    'spearman',
    'intercept',
    'slope',
    'residualSe',
    'score',
    'predicted',
    'residual',
    'standardised',
    'beyond',
    'beyondBelow',
    'beyondAbove',
    'lessSatisfied',
    'moreSatisfied',
  ],
  properties: {
    node: { type: 'string' },
    n: { type: 'integer' },
    scoreMissing: { type: 'integer' },
    pearson: num,
    spearman: num,
    intercept: num,
    slope: num,
    residualSe: num,
    score: cells,
    predicted: cells,
    residual: cells,
    standardised: cells,
    beyond: { type: 'array', items: { enum: [-1, 0, 1, null] } },
    beyondBelow: { type: 'integer' },
    beyondAbove: { type: 'integer' },
    lessSatisfied: indexes,
    moreSatisfied: indexes,
  },
} as const;

const periodSchema = {
  type: 'object',
  required: ['period', 'units', 'estimate', 'low', 'high', 'respondents', 'missing', 'notSurveyed', 'nodes'],
  properties: {
    period: { type: 'string' },
    units: { type: 'array', items: { type: 'string' } },
    estimate: numbers,
    low: numbers,
    high: numbers,
    respondents: numbers,
    missing: { type: 'object', additionalProperties: { type: 'integer' } },
    notSurveyed: { type: 'integer' },
    nodes: { type: 'array', items: nodeSchema },
  },
} as const;

const readSatisfaction = compileValidator<SatisfactionDocument>('satisfaction check', {
  type: 'object',
  required: ['listLength', 'minUnits', 'measures'],
  properties: {
    listLength: { type: 'integer' },
    minUnits: { type: 'integer' },
    measures: {
      type: 'array',
      items: {
        type: 'object',
        required: ['indicator', 'statistic', 'levels'],
        properties: {
          indicator: { type: 'string' },
          statistic: { enum: ['share', 'mean'] },
          levels: {
            type: 'array',
            items: {
              type: 'object',
              required: ['level', 'unitCount', 'periods'],
              properties: {
                level: { type: 'string' },
                unitCount: { type: 'integer' },
                periods: { type: 'array', items: periodSchema },
              },
            },
          },
        },
      },
    },
  },
});

export function readSatisfactionSection(stored: unknown): SatisfactionDocument | null {
  if (typeof stored !== 'object' || stored === null || !('satisfaction' in stored)) return null;
  return readSatisfaction(stored.satisfaction, 'results document satisfaction');
}
