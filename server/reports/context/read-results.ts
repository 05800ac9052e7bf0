/**
 * The stored results of an evaluation, narrowed from JSON to the ResultsDocument the reports read
 * (server/evaluation/results-document.ts), including the optional sections as far as the reports
 * use them: the engine's roll-up and diagnostics, and the Monte Carlo analysis (per row = period ×
 * unit the median rank and the 5 % and 95 % rank quantiles). Checked once per evaluation and
 * cached, so a 10,000-unit document costs this once.
 */
import { RESULTS_FORMAT, type ResultsDocument } from '../../evaluation/results-document.js';
import { ValidationError } from '../../errors.js';
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

const diagnosticsSchema = {
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
} as const;

const flagCountsSchema = {
  type: 'object',
  required: ['imputed', 'winsorised', 'logged', 'censored'],
  properties: {
    imputed: { type: 'number' },
    winsorised: { type: 'number' },
    logged: { type: 'number' },
    censored: { type: 'number' },
  },
} as const;

const numbers = { type: 'array', items: { type: 'number' } } as const;
const figuresSchema = {
  type: 'object',
  required: [
    'indicatorRanks',
    'indicatorTotals',
    'changes',
    'peerGaps',
    'levelTotal',
    'parentTotal',
    'peerTotal',
    'peers',
    'bins',
    'binOf',
    'improvements',
  ],
  properties: {
    indicatorRanks: cellColumns,
    indicatorTotals: { type: 'object', additionalProperties: numbers },
    changes: cellColumns,
    peerGaps: cellColumns,
    levelTotal: numbers,
    parentTotal: numbers,
    peerTotal: numbers,
    peers: {
      type: 'object',
      required: ['labels', 'unitGroup', 'medianScores', 'bestScores', 'medianRaw', 'medianNormalised'],
      properties: {
        labels: strings,
        unitGroup: numbers,
        medianScores: cellColumns,
        bestScores: cellColumns,
        medianRaw: cellColumns,
        medianNormalised: cellColumns,
      },
    },
    bins: {
      type: 'array',
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['from', 'to', 'count', 'share'],
          properties: {
            from: { type: 'number' },
            to: { type: 'number' },
            count: { type: 'number' },
            share: { type: 'number' },
          },
        },
      },
    },
    binOf: numbers,
    improvements: {
      type: 'array',
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['indicator', 'from', 'to', 'rawChange', 'scoreGain', 'newScore', 'newRank', 'rankGain'],
          properties: {
            indicator: { type: 'string' },
            from: { type: ['number', 'null'] },
            to: { type: ['number', 'null'] },
            rawChange: { type: ['number', 'null'] },
            scoreGain: { type: ['number', 'null'] },
            newScore: { type: ['number', 'null'] },
            newRank: { type: ['number', 'null'] },
            rankGain: { type: ['number', 'null'] },
          },
        },
      },
    },
  },
} as const;

const validResults = compileValidator<ReportResults>('results document', {
  type: 'object',
  required: [
    'format',
    'periods',
    'units',
    'indicators',
    'nodes',
    'root',
    'register',
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
    register: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'name', 'level', 'parent', 'attributes'],
        properties: {
          code: { type: 'string' },
          name: {
            type: 'object',
            required: ['zh', 'en'],
            properties: { zh: { type: 'string' }, en: { type: 'string' } },
          },
          level: { enum: ['city', 'district', 'street', 'community'] },
          parent: { type: ['string', 'null'] },
          attributes: {
            type: 'object',
            properties: {
              resident_population: { type: 'number' },
              peer_group: { type: 'string' },
              urban_rural: { enum: ['urban', 'rural'] },
            },
          },
        },
      },
    },
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
            properties: {
              codes: strings,
              scores: cellColumns,
              ranks: cellColumns,
              raw: cellColumns,
              normalised: cellColumns,
              diagnostics: diagnosticsSchema,
              figures: figuresSchema,
            },
          },
        },
      },
    },
    diagnostics: diagnosticsSchema,
    figures: figuresSchema,
    weightShares: cellColumns,
    coverage: {
      type: 'object',
      required: ['indicators', 'flags', 'flagTotal', 'completeness'],
      properties: {
        indicators: {
          type: 'object',
          additionalProperties: {
            type: 'array',
            items: {
              type: 'object',
              required: ['present', 'total', 'applicable', 'share', 'reasons'],
              properties: {
                present: { type: 'number' },
                total: { type: 'number' },
                applicable: { type: 'number' },
                share: { type: ['number', 'null'] },
                reasons: { type: 'object', additionalProperties: { type: 'number' } },
              },
            },
          },
        },
        flags: {
          type: 'object',
          additionalProperties: flagCountsSchema,
        },
        flagTotal: flagCountsSchema,
        completeness: cells,
      },
    },
    peers: {
      type: 'object',
      required: ['method', 'k', 'attributes', 'neighbours', 'distances', 'missing', 'median', 'best', 'gap'],
      properties: {
        method: { const: 'nearest' },
        k: { type: 'integer', minimum: 1 },
        attributes: strings,
        means: cells,
        sds: cells,
        neighbours: { type: 'array', items: { type: 'integer' } },
        distances: cells,
        missing: { type: 'array', items: { type: ['string', 'null'] } },
        median: cellColumns,
        best: cellColumns,
        gap: cellColumns,
      },
    },
    uncertainty: {
      type: 'object',
      required: ['runs', 'median', 'p5', 'p95'],
      properties: {
        runs: { type: 'number' },
        median: cells,
        p5: cells,
        p95: cells,
        band: cells,
        bandFirst: cells,
        bandLast: cells,
        levels: {
          type: 'array',
          items: {
            type: 'object',
            required: ['level', 'codes', 'median', 'p5', 'p95', 'band', 'bandFirst', 'bandLast'],
            properties: {
              level: { type: 'number' },
              codes: strings,
              median: cells,
              p5: cells,
              p95: cells,
              band: cells,
              bandFirst: cells,
              bandLast: cells,
            },
          },
        },
      },
    },
  },
});

/**
 * The results document checked, or a clear refusal: a document of an older results format (stored
 * before the unit register and the engine's level figures were part of the results) is named as such.
 */
export function readResults(input: unknown, where = 'results document'): ReportResults {
  const format = typeof input === 'object' && input !== null && 'format' in input ? input.format : null;
  if (typeof format === 'string' && format.startsWith('zhili-results/') && format !== RESULTS_FORMAT) {
    throw new ValidationError(
      `${where}: 结果以旧格式 ${format} 保存，本版本只读取 ${RESULTS_FORMAT}；请为该评估创建新版本以重新计算。 ` +
        `The results are stored in the older format ${format}; this version reads ${RESULTS_FORMAT} only: ` +
        'make a new version of the evaluation to score it again.',
    );
  }
  return validResults(input, where);
}
