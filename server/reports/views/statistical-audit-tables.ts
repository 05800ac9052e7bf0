/**
 * The statistical audit as exportable tables, one per statistic, with the column ids the CLI writes
 * as CSV headers (`a, b, pearson, spearman` …) and labels in the reader's language for the page's
 * CSV and XLSX downloads. Cells hold element ids and unformatted numbers (null when not computable),
 * straight from the stored audit.
 *
 * @example statisticalAuditTable(audit, null, 'cronbach', 'en').rows[0] // ['coverage', 0.71]
 */
import type { AuditDocument } from '../../evaluation/audit-document.js';
import type { LabelledTable } from '../export/labelled-table.js';
import type { Lang } from '../i18n/lang.js';
import { pick } from '../i18n/pick.js';
import { STATISTICAL_AUDIT_LABELS, type StatisticalAuditLabel } from '../i18n/statistical-audit-labels.js';

export const STATISTICAL_AUDIT_TABLES = [
  'stats',
  'correlations',
  'flags',
  'with_parent',
  'cronbach',
  'pca',
  'size_correlations',
  'remove',
  'sensitivity',
] as const;
export type StatisticalAuditTable = (typeof STATISTICAL_AUDIT_TABLES)[number];

/** First-order and total indices of one factor for one output of the Monte Carlo. */
export interface SensitivityRow {
  readonly measure: 'rank_shift' | 'unit_ranks';
  readonly factor: string;
  readonly first: number | null;
  readonly total: number | null;
}

type Column = readonly [id: string, label: StatisticalAuditLabel];

const COLUMNS: Readonly<Record<StatisticalAuditTable, readonly Column[]>> = {
  stats: [
    ['indicator', 'colIndicator'],
    ['availability', 'colAvailability'],
    ['zero_share', 'colZeroShare'],
    ['unique_share', 'colUniqueShare'],
    ['skewness', 'colSkewness'],
    ['kurtosis', 'colKurtosis'],
    ['treatment', 'colTreatment'],
    ['treatment_needed', 'colTreatmentNeeded'],
  ],
  correlations: [
    ['a', 'colA'],
    ['b', 'colB'],
    ['pearson', 'colPearson'],
    ['spearman', 'colSpearman'],
  ],
  flags: [
    ['node', 'colNode'],
    ['a', 'colA'],
    ['b', 'colB'],
    ['r', 'colR'],
    ['flag', 'colFlag'],
  ],
  with_parent: [
    ['element', 'colElement'],
    ['parent', 'colParent'],
    ['r', 'colR'],
  ],
  cronbach: [
    ['node', 'colNode'],
    ['alpha', 'colAlpha'],
  ],
  pca: [
    ['node', 'colNode'],
    ['component', 'colComponent'],
    ['variance_share', 'colVarianceShare'],
  ],
  size_correlations: [
    ['indicator', 'colIndicator'],
    ['size', 'colSize'],
    ['r', 'colR'],
  ],
  remove: [
    ['element', 'colElement'],
    ['mean_abs_rank_change', 'colRankChange'],
  ],
  sensitivity: [
    ['measure', 'colMeasure'],
    ['factor', 'colFactor'],
    ['first', 'colFirst'],
    ['total', 'colTotal'],
  ],
};

type Row = readonly (string | number | null)[];

function rowsOf(
  audit: AuditDocument,
  sensitivity: readonly SensitivityRow[],
  table: StatisticalAuditTable,
): Row[] {
  switch (table) {
    case 'stats':
      return audit.stats.map((s) => [
        s.indicator,
        s.availability,
        s.zeroShare,
        s.uniqueShare,
        s.skewness,
        s.kurtosis,
        s.treatment,
        s.treatmentNeeded ? 'yes' : 'no',
      ]);
    case 'correlations':
      return audit.correlations.map((c) => [c.a, c.b, c.pearson, c.spearman]);
    case 'flags':
      return audit.flags.map((f) => [f.node, f.a, f.b, f.r, f.flag]);
    case 'with_parent':
      return audit.withParent.map((w) => [w.element, w.parent, w.r]);
    case 'cronbach':
      return audit.cronbach.map((c) => [c.node, c.alpha]);
    case 'pca':
      return audit.pca.map((p) => [p.node, p.component, p.varianceShare]);
    case 'size_correlations':
      return audit.sizeCorrelations.map((s) => [s.indicator, s.size, s.r]);
    case 'remove':
      return audit.removal.map((r) => [r.element, r.meanAbsRankChange]);
    case 'sensitivity':
      return sensitivity.map((s) => [s.measure, s.factor, s.first, s.total]);
  }
}

export function statisticalAuditTable(
  audit: AuditDocument,
  sensitivity: readonly SensitivityRow[],
  table: StatisticalAuditTable,
  lang: Lang,
): LabelledTable {
  const columns = COLUMNS[table];
  return {
    name: table,
    ids: columns.map(([id]) => id),
    labels: columns.map(([, label]) => pick(STATISTICAL_AUDIT_LABELS[label], lang)),
    rows: rowsOf(audit, sensitivity, table),
  };
}
