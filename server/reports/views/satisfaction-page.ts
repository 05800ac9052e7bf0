/**
 * The view model of /evaluations/:id/satisfaction: the stored satisfaction check (issue 15) for one
 * survey indicator, level and period — per node r, ρ, n and the units left out; for one node (the
 * index unless asked) the two disagreement lists, a scatter of score against satisfaction with the
 * survey intervals and the fitted line, and the same data as a table for readers without
 * JavaScript and for print. Every table links its CSV, XLSX and JSON export. Nothing is computed
 * here: shares print as per cent and their differences as percentage points.
 *
 * @example satisfactionPage({ context, selection, lang: 'en' }).summary[0].pearson // '0.412'
 */
import type { NodeCheck, PeriodCheck } from '../../engine/surveys/satisfaction-check.js';
import type { SatisfactionDocument, SatisfactionStatistic } from '../../evaluation/satisfaction-section.js';
import { satisfactionChart } from '../charts/satisfaction-chart.js';
import type { ReportContext } from '../context/report-context.js';
import { MISSING, numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import { labelOf } from '../i18n/labels.js';
import { LOCALES, type Lang } from '../i18n/lang.js';
import { pick } from '../i18n/pick.js';
import { SATISFACTION_LABELS, type SatisfactionLabel } from '../i18n/satisfaction-labels.js';
import { pageChrome, type Chrome } from './chrome.js';
import { evaluationTitle } from './evaluation-title.js';
import { exportLinks, type ExportLink } from './export-links.js';
import { href } from './href.js';
import { nodeName } from './node-names.js';
import type { ChartView } from './chart-view.js';
import { safeJson } from './safe-json.js';
import {
  SATISFACTION_TABLES,
  missingCounts,
  selectedPeriod,
  type SatisfactionSelection,
  type SatisfactionTable,
} from './satisfaction-tables.js';
import { surveyName } from './survey-name.js';
import { unitHref } from './unit-names.js';
import { withFields } from './with-fields.js';

export type SatisfactionText = Readonly<Record<SatisfactionLabel, string>>;

export interface Choice {
  readonly value: string;
  readonly label: string;
  readonly selected: boolean;
}

export interface SummaryRow {
  readonly name: string;
  readonly href: string;
  readonly current: boolean;
  readonly n: string;
  readonly pearson: string;
  readonly spearman: string;
  readonly scoreMissing: string;
  readonly beyondBelow: string;
  readonly beyondAbove: string;
}

export interface UnitRow {
  readonly name: string;
  readonly code: string;
  readonly href: string;
  readonly score: string;
  readonly estimate: string;
  readonly interval: string;
  readonly respondents: string;
  readonly predicted: string;
  readonly residual: string;
  readonly standardised: string;
  readonly beyond: string;
}

export interface SatisfactionPage extends Chrome {
  readonly heading: string;
  readonly evaluationTitle: string;
  readonly evaluationHref: string;
  readonly s: SatisfactionText;
  readonly hasSection: boolean;
  readonly hasLevel: boolean;
  readonly form: {
    readonly action: string;
    readonly measures: readonly Choice[];
    readonly levels: readonly Choice[];
    readonly periods: readonly Choice[];
    readonly node: string;
  };
  readonly leftOut: string;
  readonly otherMissing: string;
  readonly minUnits: string;
  readonly listNote: string;
  readonly summary: readonly SummaryRow[];
  readonly nodeTitle: string;
  readonly residualUnit: string;
  readonly less: readonly UnitRow[];
  readonly more: readonly UnitRow[];
  readonly all: readonly UnitRow[];
  readonly chart: ChartView | null;
  readonly exports: Readonly<Record<SatisfactionTable, readonly ExportLink[]>>;
}

export interface SatisfactionPageInput {
  readonly context: ReportContext;
  /** Null when the results hold no satisfaction check. */
  readonly selection: SatisfactionSelection | null;
  readonly lang: Lang;
}

/** Formats of the estimate, its difference from the prediction and the standardised residual. */
function formats(lang: Lang, statistic: SatisfactionStatistic) {
  const nf = numberFormat(lang);
  const locale = LOCALES[lang];
  const fixed = (digits: number, signed: boolean) => {
    const f = new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
    });
    return (value: number | null | undefined): string =>
      value === null || value === undefined || !Number.isFinite(value) ? MISSING : f.format(value);
  };
  const r3 = fixed(3, false);
  const mean = fixed(2, false);
  const signed2 = fixed(2, true);
  const points = fixed(1, true);
  const orMissing = (f: (v: number) => string) => (value: number | null | undefined) =>
    value === null || value === undefined ? MISSING : f(value);
  const share = statistic === 'share';
  return {
    r3,
    count: orMissing(nf.count),
    score: orMissing(nf.score),
    estimate: share ? orMissing(nf.share) : mean,
    residual: share
      ? (v: number | null | undefined) => points(v === null || v === undefined ? v : v * 100)
      : signed2,
    standardised: signed2,
    /** A value on the chart's axis: per cent for shares. */
    axis: (v: number) => (share ? v * 100 : v),
  };
}

export function satisfactionPage({ context, selection, lang }: SatisfactionPageInput): SatisfactionPage {
  const s = Object.fromEntries(
    Object.entries(SATISFACTION_LABELS).map(([key, text]) => [key, pick(text, lang)]),
  ) as SatisfactionText;
  const { evaluation } = context;
  const path = `/evaluations/${encodeURIComponent(evaluation.id)}/satisfaction`;
  const title = evaluationTitle(evaluation, lang);
  const heading = `${s.satTitle} · ${title}`;
  const query = selection === null ? {} : { ...selection };
  const exports = Object.fromEntries(
    SATISFACTION_TABLES.map((table) => [table, exportLinks(path, { lang, ...query }, table)]),
  ) as Record<SatisfactionTable, ExportLink[]>;
  const base = withFields(
    pageChrome(lang, { path, query, title: heading, section: 'evaluations', charts: true }),
    {
      heading,
      evaluationTitle: title,
      evaluationHref: `/evaluations/${encodeURIComponent(evaluation.id)}`,
      s,
      exports,
    },
  );
  const section = context.satisfaction;
  const empty = {
    hasLevel: false,
    form: { action: path, measures: [], levels: [], periods: [], node: '' },
    leftOut: '',
    otherMissing: '',
    minUnits: '',
    listNote: '',
    summary: [],
    nodeTitle: '',
    residualUnit: '',
    less: [],
    more: [],
    all: [],
    chart: null,
  };
  if (section === null || selection === null)
    return withFields(withFields(base, empty), { hasSection: false });
  const measure = section.measures.find((m) => m.indicator === selection.measure);
  const levelDoc = measure?.levels.find((l) => l.level === selection.level);
  const form = {
    action: path,
    measures: section.measures.map((m) => ({
      value: m.indicator,
      label: surveyName(context, m.indicator, lang),
      selected: m.indicator === selection.measure,
    })),
    levels: (measure?.levels ?? []).map((l) => ({
      value: l.level,
      label: labelOf(lang, 'level', l.level),
      selected: l.level === selection.level,
    })),
    periods: (levelDoc?.periods ?? []).map((p) => ({
      value: p.period,
      label: p.period,
      selected: p.period === selection.period,
    })),
    node: selection.node,
  };
  const period = selectedPeriod(section, selection);
  const node = period?.nodes.find((n) => n.node === selection.node);
  if (measure === undefined || period === undefined || node === undefined)
    return withFields(withFields(base, empty), { form, hasSection: true });
  return withFields(
    withFields(
      base,
      filledPage({
        context,
        section,
        selection,
        lang,
        s,
        path,
        statistic: measure.statistic,
        period,
        node,
        unitCount: levelDoc?.unitCount ?? 0,
      }),
    ),
    { form, hasSection: true, hasLevel: true },
  );
}

interface Filled {
  readonly context: ReportContext;
  readonly section: SatisfactionDocument;
  readonly selection: SatisfactionSelection;
  readonly lang: Lang;
  readonly s: SatisfactionText;
  readonly path: string;
  readonly statistic: SatisfactionStatistic;
  readonly period: PeriodCheck;
  readonly node: NodeCheck;
  readonly unitCount: number;
}

function filledPage({
  context,
  section,
  selection,
  lang,
  s,
  path,
  statistic,
  period,
  node,
  unitCount,
}: Filled) {
  const f = formats(lang, statistic);
  const name = (id: string): string => nodeName(context, id, lang);
  const { small, others } = missingCounts(period);
  const beyondText = (b: -1 | 0 | 1 | null | undefined): string =>
    b === -1 ? s.beyondBelow : b === 1 ? s.beyondAbove : b === 0 ? s.beyondNo : MISSING;
  const unitRow = (i: number): UnitRow => {
    const code = period.units[i] ?? '';
    const unit = context.register.get(code);
    return {
      name: unit === undefined ? code : pick(unit.name, lang),
      code,
      href: unitHref(context.evaluation.id, code),
      score: f.score(node.score[i]),
      estimate: f.estimate(period.estimate[i]),
      interval: `${f.estimate(period.low[i])}–${f.estimate(period.high[i])}`,
      respondents: f.count(period.respondents[i]),
      predicted: f.estimate(node.predicted[i]),
      residual: f.residual(node.residual[i]),
      standardised: f.standardised(node.standardised[i]),
      beyond: beyondText(node.beyond[i]),
    };
  };
  const measureName = surveyName(context, selection.measure, lang);
  const both = period.units.flatMap((_, i) => (node.score[i] === null ? [] : [i]));
  const ends = [...both].sort((a, b) => (node.score[a] ?? 0) - (node.score[b] ?? 0) || a - b);
  const first = ends[0];
  const last = ends[ends.length - 1];
  const linePoint = (i: number) => ({ x: node.score[i] ?? 0, y: f.axis(node.predicted[i] ?? 0) });
  const line =
    first === undefined || last === undefined || node.predicted[first] == null || node.predicted[last] == null
      ? null
      : ([linePoint(first), linePoint(last)] as const);
  const chartTitle = fill(s.satChartTitle, { node: name(node.node), measure: measureName });
  return {
    leftOut: fill(s.satLeftOut, {
      total: f.count(unitCount),
      surveyed: f.count(period.units.length),
      small: f.count(small),
      notSurveyed: f.count(period.notSurveyed),
    }),
    otherMissing:
      others.length === 0
        ? ''
        : fill(s.satOtherMissing, {
            reasons: others
              .map(([reason, count]) => `${reason} ${f.count(count)}`)
              .join(lang === 'zh' ? '，' : ', '),
          }),
    minUnits: fill(s.satMinUnits, { min: f.count(section.minUnits) }),
    listNote: fill(s.satListNote, { count: f.count(section.listLength) }),
    summary: period.nodes.map((n): SummaryRow => ({
      name: name(n.node),
      href: href(path, { lang, ...selection, node: n.node }),
      current: n.node === node.node,
      n: f.count(n.n),
      pearson: f.r3(n.pearson),
      spearman: f.r3(n.spearman),
      scoreMissing: f.count(n.scoreMissing),
      beyondBelow: f.count(n.beyondBelow),
      beyondAbove: f.count(n.beyondAbove),
    })),
    nodeTitle: fill(s.satNodeTitle, { node: name(node.node) }),
    residualUnit: statistic === 'share' ? s.residualShareUnit : '',
    less: node.lessSatisfied.map(unitRow),
    more: node.moreSatisfied.map(unitRow),
    all: period.units.map((_, i) => unitRow(i)),
    chart:
      both.length === 0
        ? null
        : {
            canvasId: 'chart-satisfaction',
            label: chartTitle,
            tall: true,
            chartJson: safeJson(
              satisfactionChart({
                points: both.map((i) => ({
                  x: node.score[i] ?? 0,
                  y: f.axis(period.estimate[i] ?? 0),
                  low: f.axis(period.low[i] ?? 0),
                  high: f.axis(period.high[i] ?? 0),
                  beyond: node.beyond[i] ?? null,
                })),
                line,
                xTitle: s.colScore,
                yTitle: statistic === 'share' ? `${measureName} (%)` : measureName,
                title: chartTitle,
                labels: { units: s.colUnit, intervals: s.colInterval, line: s.colPredicted },
              }),
            ),
          },
  };
}
