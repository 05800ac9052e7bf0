/** A hand-written stored audit of the tiny evaluation (tiny-context.ts) for the audit page and reader tests. */
import type { AuditDocument } from '../../server/evaluation/audit-document.js';

// A hand-written audit of the tiny evaluation (x, y under a_dim; z under b_dim).
export const TINY_AUDIT: AuditDocument = {
  period: '2025',
  indicators: ['x', 'y', 'z'],
  stats: [
    {
      indicator: 'x',
      availability: 1,
      zeroShare: 0,
      uniqueShare: 1,
      skewness: 0,
      kurtosis: null,
      treatment: 'passed',
      treatmentNeeded: false,
    },
  ],
  correlations: [
    { a: 'x', b: 'y', pearson: -0.5, spearman: -0.5 },
    { a: 'x', b: 'z', pearson: 0.95, spearman: 1 },
    { a: 'y', b: 'z', pearson: null, spearman: null },
  ],
  flags: [{ node: 'a_dim', a: 'x', b: 'y', r: -0.5, flag: 'pulling_apart' }],
  flagThresholds: { high: 0.9, low: -0.4 },
  withParent: [
    { element: 'x', parent: 'a_dim', r: 0.8 },
    { element: 'y', parent: 'a_dim', r: 0.1 },
    { element: 'z', parent: 'b_dim', r: 1 },
  ],
  cronbach: [{ node: 'a_dim', alpha: 0.25 }],
  pca: [{ node: 'a_dim', component: 1, varianceShare: 0.75 }],
  sizeCorrelations: [],
  sizeThreshold: 0.6,
  removal: [{ element: 'x', meanAbsRankChange: 0.5 }],
};
