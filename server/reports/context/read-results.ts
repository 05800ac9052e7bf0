/**
 * The stored results of an evaluation, narrowed from JSON to the ResultsDocument the reports read
 * (server/evaluation/results-document.ts), including the optional sections as far as the reports
 * use them: the engine's roll-up and diagnostics, and the Monte Carlo analysis (per row = period ×
 * unit the median rank and the 5 % and 95 % rank quantiles). Checked once per evaluation and
 * cached, so a 10,000-unit document costs this once.
 */
import { RESULTS_FORMAT, type ResultsDocument } from '../../evaluation/results-document.js';
import { compileValidator } from '../../validation/compile.js';

export type ReportResults = ResultsDocument;

const strings = { type: 'array', items: { type: 'string' } } as const;
const cellColumns = {
  type: 'object',
  additionalProperties: { type: 'array', items: { type: ['number', 'null'] } },
} as const;
const cells = { type: 'array', items: { type: ['number', 'null'] } } as const;
const textColumns = {
  type: 'object',
  additionalProperties: { type: 'array', items: { type: 'string' } },
} as const;
const sparseColumns = {
  type: 'object',
  additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
} as const;

export const readResults = compileValidator<ReportResults>('results document', {
  type: 'object',
  required: [
    'format',
    'periods',
    'units',
    'indicators',
    'nodes',
    'root',
    'raw',
    'rawReasons',
    'normalised',
    'scores',
    'ranks',
    'flags',
    'weights',
  ],
  properties: {
    format: { const: RESULTS_FORMAT },
    periods: strings,
    units: strings,
    indicators: strings,
    nodes: strings,
    root: { type: 'string' },
    raw: cellColumns,
    rawReasons: sparseColumns,
    normalised: cellColumns,
    scores: cellColumns,
    ranks: cellColumns,
    flags: sparseColumns,
    weights: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['children', 'weights'],
        properties: { children: strings, weights: { type: 'array', items: { type: 'number' } } },
      },
    },
    // The optional sections, as far as the reports read them.
    rollup: {
      type: 'object',
      required: ['method', 'levels'],
      properties: {
        method: { type: 'string' },
        levels: {
          type: 'array',
          items: {
            type: 'object',
            required: ['codes', 'scores', 'ranks'],
            properties: { codes: strings, scores: cellColumns, ranks: cellColumns },
          },
        },
      },
    },
    diagnostics: {
      type: 'object',
      required: [
        'percentiles',
        'parentRanks',
        'peerRanks',
        'lights',
        'weakestDimension',
        'weakestIndicators',
        'trends',
      ],
      properties: {
        percentiles: cellColumns,
        parentRanks: { anyOf: [{ type: 'null' }, cellColumns] },
        peerRanks: { anyOf: [{ type: 'null' }, cellColumns] },
        lights: textColumns,
        weakestDimension: { type: 'array', items: { type: ['string', 'null'] } },
        weakestIndicators: {
          type: 'array',
          items: {
            type: 'array',
            items: {
              type: 'object',
              required: ['indicator', 'median', 'change'],
              properties: {
                indicator: { type: 'string' },
                median: { type: ['number', 'null'] },
                change: { type: ['number', 'null'] },
              },
            },
          },
        },
        trends: textColumns,
      },
    },
    uncertainty: {
      type: 'object',
      required: ['runs', 'median', 'p5', 'p95'],
      properties: { runs: { type: 'number' }, median: cells, p5: cells, p95: cells },
    },
  },
});
