/**
 * The statistical audit section of stored results and the Monte Carlo's sensitivity indices,
 * narrowed from JSON: null when the evaluation was stored without them (before audits existed, or
 * without a Monte Carlo). A present but malformed section is refused like any bad stored document.
 *
 * @example readAuditSection(await store.evaluations.readResults(id))?.cronbach
 */
import type { AuditDocument } from '../../evaluation/audit-document.js';
import { compileValidator } from '../../validation/compile.js';
import type { SensitivityRow } from '../views/statistical-audit-tables.js';

const num = { type: ['number', 'null'] } as const;
const str = { type: 'string' } as const;

function records(properties: Record<string, object>): object {
  return {
    type: 'array',
    items: { type: 'object', required: Object.keys(properties), properties },
  };
}

const readAudit = compileValidator<AuditDocument>('statistical audit', {
  type: 'object',
  required: [
    'period',
    'indicators',
    'stats',
    'correlations',
    'flags',
    'flagThresholds',
    'withParent',
    'cronbach',
    'pca',
    'sizeCorrelations',
    'sizeThreshold',
    'removal',
  ],
  properties: {
    period: str,
    indicators: { type: 'array', items: str },
    stats: records({
      indicator: str,
      availability: num,
      zeroShare: num,
      uniqueShare: num,
      skewness: num,
      kurtosis: num,
      treatment: str,
      treatmentNeeded: { type: 'boolean' },
    }),
    correlations: records({ a: str, b: str, pearson: num, spearman: num }),
    flags: records({
      node: str,
      a: str,
      b: str,
      r: num,
      flag: { enum: ['double_counting', 'pulling_apart'] },
    }),
    flagThresholds: { type: 'object', required: ['high', 'low'], properties: { high: num, low: num } },
    withParent: records({ element: str, parent: str, r: num }),
    cronbach: records({ node: str, alpha: num }),
    pca: records({ node: str, component: { type: 'integer' }, varianceShare: num }),
    sizeCorrelations: records({ indicator: str, size: str, r: num }),
    sizeThreshold: num,
    removal: records({ element: str, meanAbsRankChange: num }),
  },
});

interface StoredFactor {
  readonly factor: string;
  readonly first: number | null;
  readonly total: number | null;
}
interface StoredSensitivity {
  readonly rankShift: { readonly factors: readonly StoredFactor[] };
  readonly unitRanks: { readonly factors: readonly StoredFactor[] };
}

const factors = {
  type: 'object',
  required: ['factors'],
  properties: { factors: records({ factor: str, first: num, total: num }) },
} as const;

const readSensitivity = compileValidator<StoredSensitivity>('sensitivity indices', {
  type: 'object',
  required: ['rankShift', 'unitRanks'],
  properties: { rankShift: factors, unitRanks: factors },
});

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

export function readAuditSection(stored: unknown): AuditDocument | null {
  const audit = field(stored, 'audit');
  return audit === undefined ? null : readAudit(audit, 'results.audit');
}

/** The first-order and total indices of every factor, for both outputs; empty without a Monte Carlo. */
export function readSensitivityRows(stored: unknown): SensitivityRow[] {
  const sensitivity = field(field(stored, 'uncertainty'), 'sensitivity');
  if (sensitivity === undefined || sensitivity === null) return [];
  const indices = readSensitivity(sensitivity, 'results.uncertainty.sensitivity');
  return [
    ...indices.rankShift.factors.map((f) => ({ measure: 'rank_shift' as const, ...pickFactor(f) })),
    ...indices.unitRanks.factors.map((f) => ({ measure: 'unit_ranks' as const, ...pickFactor(f) })),
  ];
}

function pickFactor(f: StoredFactor): Omit<SensitivityRow, 'measure'> {
  return { factor: f.factor, first: f.first, total: f.total };
}
