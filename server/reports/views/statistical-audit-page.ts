/**
 * The view model of /evaluations/:id/audit: the stored statistical audit labelled and formatted for
 * reading — indicator statistics, the correlation heat map (an HTML table shaded heat-0 … heat-9 from
 * r = −1 to 1, every value printed) with its long table, the flags, each element's correlation with
 * its parent, Cronbach's α, PCA variance shares, size correlations, the rank change from removing
 * each element and, when the evaluation ran a Monte Carlo, the first-order and total sensitivity
 * indices. Every table links its CSV, XLSX and JSON export. Nothing is computed here.
 */
import type { AuditDocument } from '../../evaluation/audit-document.js';
import { heatClass } from '../format/heat-class.js';
import type { ReportContext } from '../context/report-context.js';
import { MISSING } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import { LOCALES, type Lang } from '../i18n/lang.js';
import { pick } from '../i18n/pick.js';
import { STATISTICAL_AUDIT_LABELS, type StatisticalAuditLabel } from '../i18n/statistical-audit-labels.js';
import { pageChrome, type Chrome } from './chrome.js';
import { evaluationTitle } from './evaluation-title.js';
import { exportLinks, type ExportLink } from './export-links.js';
import { nodeName } from './node-names.js';
import {
  STATISTICAL_AUDIT_TABLES,
  type SensitivityRow,
  type StatisticalAuditTable,
} from './statistical-audit-tables.js';
import { withFields } from './with-fields.js';

export type AuditText = Readonly<Record<StatisticalAuditLabel, string>>;

export interface HeatmapCell {
  readonly text: string;
  readonly css: string;
  readonly title: string;
}

export interface StatisticalAuditPage extends Chrome {
  readonly heading: string;
  readonly evaluationTitle: string;
  readonly evaluationHref: string;
  readonly s: AuditText;
  readonly hasAudit: boolean;
  readonly periodNote: string;
  readonly stats: readonly Readonly<Record<string, string>>[];
  readonly heatmap: {
    readonly columns: readonly { readonly id: string; readonly name: string }[];
    readonly rows: readonly { readonly name: string; readonly cells: readonly HeatmapCell[] }[];
  };
  readonly correlations: readonly Readonly<Record<string, string>>[];
  readonly flagsRule: string;
  /** The current thresholds as the form's field values. */
  readonly flagForm: { readonly action: string; readonly high: string; readonly low: string };
  readonly flags: readonly Readonly<Record<string, string>>[];
  readonly withParent: readonly Readonly<Record<string, string>>[];
  readonly cronbach: readonly Readonly<Record<string, string>>[];
  readonly pca: readonly Readonly<Record<string, string>>[];
  readonly sizeTitle: string;
  readonly sizeCorrelations: readonly Readonly<Record<string, string>>[];
  readonly removal: readonly Readonly<Record<string, string>>[];
  readonly sensitivity: readonly Readonly<Record<string, string>>[];
  readonly exports: Readonly<Record<StatisticalAuditTable, readonly ExportLink[]>>;
}

const formats = new Map<Lang, Intl.NumberFormat>();

/** A statistic with three decimals in the reader's locale; an em dash when not computable. */
function fixed3(lang: Lang): (value: number | null) => string {
  let format = formats.get(lang);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 3, maximumFractionDigits: 3 });
    formats.set(lang, format);
  }
  const f = format;
  return (value) => (value === null ? MISSING : f.format(value));
}

function percent(lang: Lang): (value: number | null) => string {
  const f = new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 1 });
  return (value) => (value === null ? MISSING : f.format(value));
}

export interface StatisticalAuditInput {
  readonly context: ReportContext;
  readonly audit: AuditDocument | null;
  readonly sensitivity: readonly SensitivityRow[];
  readonly lang: Lang;
  /** Thresholds the reader chose for the flags (kept in the export links and the form). */
  readonly thresholds?: { readonly high: number; readonly low: number };
}

export function statisticalAuditPage({
  context,
  audit,
  sensitivity,
  lang,
  thresholds,
}: StatisticalAuditInput): StatisticalAuditPage {
  const s = Object.fromEntries(
    Object.entries(STATISTICAL_AUDIT_LABELS).map(([key, text]) => [key, pick(text, lang)]),
  ) as AuditText;
  const { evaluation } = context;
  const path = `/evaluations/${encodeURIComponent(evaluation.id)}/audit`;
  const heading = `${s.auditTitle} · ${evaluationTitle(evaluation, lang)}`;
  const name = (id: string): string => nodeName(context, id, lang);
  const r3 = fixed3(lang);
  const pct = percent(lang);
  const exports = Object.fromEntries(
    STATISTICAL_AUDIT_TABLES.map((table) => [
      table,
      exportLinks(
        path,
        {
          lang,
          ...(thresholds === undefined ? {} : { high: String(thresholds.high), low: String(thresholds.low) }),
        },
        table,
      ),
    ]),
  ) as Record<StatisticalAuditTable, ExportLink[]>;
  const chrome = pageChrome(lang, { path, query: {}, title: heading, section: 'evaluations' });
  const base = withFields(chrome, {
    heading,
    evaluationTitle: evaluationTitle(evaluation, lang),
    evaluationHref: `/evaluations/${encodeURIComponent(evaluation.id)}`,
    s,
    exports,
  });
  if (audit === null) {
    return withFields(base, {
      hasAudit: false,
      periodNote: '',
      stats: [],
      heatmap: { columns: [], rows: [] },
      correlations: [],
      flagsRule: '',
      flagForm: { action: path, high: '', low: '' },
      flags: [],
      withParent: [],
      cronbach: [],
      pca: [],
      sizeTitle: '',
      sizeCorrelations: [],
      removal: [],
      sensitivity: sensitivityRows(sensitivity, s, r3),
    });
  }
  const pearson = new Map<string, number | null>();
  for (const c of audit.correlations) {
    pearson.set(`${c.a}\u0000${c.b}`, c.pearson);
    pearson.set(`${c.b}\u0000${c.a}`, c.pearson);
  }
  const heatCell = (a: string, b: string): HeatmapCell => {
    const r = a === b ? 1 : (pearson.get(`${a}\u0000${b}`) ?? null);
    const shade = r === null ? null : heatClass(r, -1, 1);
    return {
      text: r3(r),
      css: shade === null ? 'heat-none' : `heat-${shade}`,
      title: `${name(a)} × ${name(b)}`,
    };
  };
  return withFields(base, {
    hasAudit: true,
    periodNote: fill(s.auditPeriod, { period: audit.period }),
    stats: audit.stats.map((x) => ({
      name: name(x.indicator),
      availability: pct(x.availability),
      zeroShare: pct(x.zeroShare),
      uniqueShare: pct(x.uniqueShare),
      skewness: r3(x.skewness),
      kurtosis: r3(x.kurtosis),
      treatment: x.treatment,
      needed: x.treatmentNeeded ? s.yes : s.no,
    })),
    heatmap: {
      columns: audit.indicators.map((id) => ({ id, name: name(id) })),
      rows: audit.indicators.map((a) => ({
        name: name(a),
        cells: audit.indicators.map((b) => heatCell(a, b)),
      })),
    },
    correlations: audit.correlations.map((c) => ({
      a: name(c.a),
      b: name(c.b),
      pearson: r3(c.pearson),
      spearman: r3(c.spearman),
    })),
    flagsRule: fill(s.flagsRule, { high: r3(audit.flagThresholds.high), low: r3(audit.flagThresholds.low) }),
    flagForm: {
      action: path,
      high: String(audit.flagThresholds.high ?? ''),
      low: String(audit.flagThresholds.low ?? ''),
    },
    flags: audit.flags.map((f) => ({
      node: name(f.node),
      a: name(f.a),
      b: name(f.b),
      r: r3(f.r),
      flag: f.flag === 'double_counting' ? s.flagDoubleCounting : s.flagPullingApart,
    })),
    withParent: audit.withParent.map((w) => ({
      element: name(w.element),
      parent: name(w.parent),
      r: r3(w.r),
    })),
    cronbach: audit.cronbach.map((c) => ({ node: name(c.node), alpha: r3(c.alpha) })),
    pca: audit.pca.map((p) => ({
      node: name(p.node),
      component: `PC${p.component}`,
      share: pct(p.varianceShare),
    })),
    sizeTitle: fill(s.sizeTitle, { threshold: r3(audit.sizeThreshold) }),
    sizeCorrelations: audit.sizeCorrelations.map((c) => ({
      indicator: name(c.indicator),
      size: c.size,
      r: r3(c.r),
    })),
    removal: audit.removal.map((r) => ({ element: name(r.element), change: r3(r.meanAbsRankChange) })),
    sensitivity: sensitivityRows(sensitivity, s, r3),
  });
}

function sensitivityRows(
  rows: readonly SensitivityRow[],
  s: AuditText,
  r3: (value: number | null) => string,
): Record<string, string>[] {
  return rows.map((row) => ({
    measure: row.measure === 'rank_shift' ? s.measureRankShift : s.measureUnitRanks,
    factor: row.factor,
    first: r3(row.first),
    total: r3(row.total),
  }));
}
