/**
 * The view model of /evaluations/:id/compare?units=A,B,C: two to four units side by side in one
 * period (index and dimension scores with ranks, the index rank's Monte Carlo interval, then every
 * indicator's raw value (a yes/no item in words) and traffic light, with the lights' legend), and
 * their scores over all periods as line charts, each with its table. Until two to four units are
 * chosen, a picker of the units the reader may see (compare-picker.ts) instead.
 */
import { lineChart } from '../charts/line-chart.js';
import type { ReportContext } from '../context/report-context.js';
import { EVERY_UNIT, type ReportScope } from '../context/report-scope.js';
import type { ExportCell } from '../../evaluation/export-table.js';
import { cell, type LabelledTable } from '../export/labelled-table.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';
import { pageChrome, type Chrome } from './chrome.js';
import { comparePicker, type ComparePicker } from './compare-picker.js';
import { evaluationTitle } from './evaluation-title.js';
import { exportLinks, type ExportLink } from './export-links.js';
import { href, type QueryValues } from './href.js';
import { indicatorValue, valuePhrase } from './indicator-value.js';
import { lightCell, type LightCell } from './light-cell.js';
import { lightLegend, type LightLegend } from './light-legend.js';
import { nodeName } from './node-names.js';
import { periodLinks, type PeriodLink } from './period-links.js';
import { intervalFigures, intervalNote, levelHasIntervals, unitInterval } from './rank-interval.js';
import type { ChartView } from './chart-view.js';
import { safeJson } from './safe-json.js';
import { unitHref, unitName } from './unit-names.js';
import { unitLight } from './unit-signals.js';
import { isYesNo } from './yes-no.js';
import { withFields } from './with-fields.js';

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

export interface ComparedUnit {
  readonly name: string;
  readonly code: string;
  readonly href: string;
  readonly level: string;
}

export interface CompareCell {
  readonly text: string;
  readonly light: LightCell | null;
  /** The text is a rank interval (its ends rounded outwards). */
  readonly interval?: boolean;
}

export interface CompareRow {
  readonly label: string;
  readonly note: string;
  readonly group: boolean;
  readonly cells: readonly CompareCell[];
}

export interface TrendBlock {
  readonly title: string;
  readonly chart: ChartView;
  readonly rows: readonly { readonly period: string; readonly values: readonly string[] }[];
}

export interface ComparePage extends Chrome {
  readonly heading: string;
  readonly evaluationTitle: string;
  readonly evaluationHref: string;
  readonly path: string;
  readonly unitsValue: string;
  readonly message: string | null;
  readonly ready: boolean;
  /** Until two to four units are chosen: checkboxes of the units the reader may see. */
  readonly picker: ComparePicker | null;
  /** The period to keep when the picker is submitted (null: the latest). */
  readonly pickerPeriod: string | null;
  readonly units: readonly ComparedUnit[];
  /** Columns of the side-by-side table (measure, note, one per unit), for group rows. */
  readonly columnCount: number;
  readonly sideBySideTitle: string;
  readonly rows: readonly CompareRow[];
  /** Under the table: what the rank interval means, or why there is none. */
  readonly intervalNote: string;
  readonly comparisonExports: readonly ExportLink[];
  /** What the lights of the indicator rows mean (the page shows no trend arrows). */
  readonly lightLegend: LightLegend;
  readonly trends: readonly TrendBlock[];
  readonly trendExports: readonly ExportLink[];
  readonly periods: readonly PeriodLink[];
}

/** Unit codes from ?units=: separated by commas (ASCII or Chinese), 、 or spaces; duplicates dropped. */
export function compareCodes(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  return [...new Set(raw.split(/[\s,，、;；]+/).filter((code) => code !== ''))];
}

function indexes(context: ReportContext, codes: readonly string[]): number[] {
  return codes.map((code) => context.units.index.get(code) ?? -1).filter((i) => i >= 0);
}

function sideBySide(
  context: ReportContext,
  units: readonly number[],
  period: number,
  lang: Lang,
): CompareRow[] {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const columns = context.period(period);
  const nodes = [context.results.root, ...context.dimensions];
  const intervalRow: CompareRow[] = units.some((u) => levelHasIntervals(context, u))
    ? [
        {
          label: nodeName(context, context.results.root, lang),
          note: t.compareIntervalNote,
          group: false,
          cells: units.map((u) => ({
            text: unitInterval(context, period, u, lang).text,
            light: null,
            interval: true,
          })),
        },
      ]
    : [];
  const scoreRows = nodes.flatMap((node): CompareRow[] => [
    {
      label: nodeName(context, node, lang),
      note: t.colScore,
      group: false,
      cells: units.map((u) => ({
        text: format.score(columns.scores.get(node)?.[u] ?? Number.NaN),
        light: null,
      })),
    },
    {
      label: nodeName(context, node, lang),
      note: t.colRank,
      group: false,
      cells: units.map((u) => ({
        text: format.count(columns.ranks.get(node)?.[u] ?? Number.NaN),
        light: null,
      })),
    },
    ...(node === context.results.root ? intervalRow : []),
  ]);
  const indicatorRows = context.results.indicators.map((id): CompareRow => {
    const definition = context.indicatorDefinitions.get(id);
    // A yes/no item reads in words in each cell (是, 92.7% 的居民…), so its row has no unit of measure.
    const note = definition === undefined || isYesNo(definition) ? '' : pick(definition.unit, lang);
    return {
      label: nodeName(context, id, lang),
      note,
      group: false,
      cells: units.map((u) => {
        const value = indicatorValue(context, u, id, columns.raw.get(id)?.[u] ?? Number.NaN, lang);
        return {
          text: value.measure === note ? value.value : valuePhrase(value, lang),
          light: lightCell(unitLight(context, period, u, id), lang),
        };
      }),
    };
  });
  return [...scoreRows, { label: t.indicatorsTitle, note: '', group: true, cells: [] }, ...indicatorRows];
}

function trendBlocks(context: ReportContext, units: readonly number[], lang: Lang): TrendBlock[] {
  const format = numberFormat(lang);
  const t = labelsFor(lang);
  const { periods } = context.results;
  return [context.results.root, ...context.dimensions].map((node, n) => {
    const series = units.map((u) => ({
      label: unitName(context.units, u, lang),
      values: periods.map((_, p) => context.period(p).scores.get(node)?.[u] ?? Number.NaN),
    }));
    const title = fill(t.trendChartTitle, { node: nodeName(context, node, lang) });
    return {
      title,
      chart: {
        canvasId: `chart-trend-${n}`,
        label: title,
        tall: false,
        chartJson: safeJson(lineChart(periods, series, title)),
      },
      rows: periods.map((period, p) => ({
        period,
        values: series.map((s) => format.score(s.values[p] ?? Number.NaN)),
      })),
    };
  });
}

export function comparePage(
  context: ReportContext,
  lang: Lang,
  codes: readonly string[],
  period: number,
  pageQuery: QueryValues,
  scope: ReportScope = EVERY_UNIT,
): ComparePage {
  const t = labelsFor(lang);
  const { evaluation, results } = context;
  const path = `/evaluations/${encodeURIComponent(evaluation.id)}/compare`;
  const units = indexes(context, codes);
  const unknown = codes.filter((code) => !context.units.index.has(code));
  const ready = unknown.length === 0 && units.length >= MIN_COMPARED && units.length <= MAX_COMPARED;
  // Fewer than two units is not an error: the picker asks for them.
  const message =
    unknown.length > 0
      ? fill(t.compareUnknown, { codes: unknown.join(', ') })
      : units.length > MAX_COMPARED
        ? t.pickerTooMany
        : null;
  const picker = ready ? null : comparePicker(context, scope, codes, lang);
  const shown = ready ? units : [];
  const periodId = results.periods[period] ?? '';
  return withFields(
    pageChrome(lang, {
      path,
      query: pageQuery,
      title: t.compareTitle,
      section: 'evaluations',
      charts: ready,
    }),
    {
      heading: t.compareTitle,
      evaluationTitle: evaluationTitle(evaluation, lang),
      evaluationHref: `/evaluations/${encodeURIComponent(evaluation.id)}`,
      path,
      unitsValue: codes.join(','),
      message,
      ready,
      picker,
      pickerPeriod: typeof pageQuery.period === 'string' ? pageQuery.period : null,
      units: shown.map((u) => ({
        name: unitName(context.units, u, lang),
        code: context.units.codes[u] ?? '',
        href: unitHref(evaluation.id, context.units.codes[u] ?? ''),
        level: labelOf(lang, 'level', context.units.levels[u] ?? 'community'),
      })),
      columnCount: 2 + shown.length,
      sideBySideTitle: fill(t.compareSideBySide, { period: periodId }),
      rows: ready ? sideBySide(context, shown, period, lang) : [],
      intervalNote: intervalNote(
        context,
        shown.some((u) => levelHasIntervals(context, u)),
        false,
        lang,
      ),
      comparisonExports: exportLinks(path, pageQuery, 'comparison'),
      lightLegend: lightLegend(
        lang,
        `/indicators?framework=${encodeURIComponent(context.snapshot.framework.id)}`,
        false,
      ),
      trends: ready ? trendBlocks(context, shown, lang) : [],
      trendExports: exportLinks(path, pageQuery, 'trends'),
      periods: periodLinks(results.periods, period, (p) => href(path, pageQuery, { period: p })),
    },
  );
}

export function compareExport(
  context: ReportContext,
  codes: readonly string[],
  period: number,
  table: 'comparison' | 'trends',
  lang: Lang,
): LabelledTable {
  const t = labelsFor(lang);
  const units = indexes(context, codes).slice(0, MAX_COMPARED);
  const unitCodes = units.map((u) => context.units.codes[u] ?? '');
  const unitNames = units.map((u) => unitName(context.units, u, lang));
  if (table === 'trends') {
    const nodes = [context.results.root, ...context.dimensions];
    return {
      name: `trends-${unitCodes.join('-')}`,
      ids: ['node', 'period', ...unitCodes],
      labels: [t.colDimension, t.colPeriod, ...unitNames],
      rows: nodes.flatMap((node) =>
        context.results.periods.map((id, p) => [
          node,
          id,
          ...units.map((u) => cell(context.period(p).scores.get(node)?.[u] ?? Number.NaN)),
        ]),
      ),
    };
  }
  const columns = context.period(period);
  const nodes = [context.results.root, ...context.dimensions];
  return {
    name: `comparison-${unitCodes.join('-')}-${columns.period}`,
    ids: ['measure', 'kind', ...unitCodes],
    labels: [t.colMeasureRow, t.colKind, ...unitNames],
    rows: [
      ...nodes.flatMap((node) => [
        [node, 'score', ...units.map((u) => cell(columns.scores.get(node)?.[u] ?? Number.NaN))],
        [node, 'rank', ...units.map((u) => cell(columns.ranks.get(node)?.[u] ?? Number.NaN))],
        ...(node === context.results.root ? intervalExportRows(context, units, period, node) : []),
      ]),
      ...context.results.indicators.map((id) => [
        id,
        'raw',
        ...units.map((u) => cell(columns.raw.get(id)?.[u] ?? Number.NaN)),
      ]),
    ],
  };
}

/** The root's rank interval in the comparison export: its 5 % quantile, median and 95 % quantile. */
function intervalExportRows(
  context: ReportContext,
  units: readonly number[],
  period: number,
  node: string,
): ExportCell[][] {
  const figures = units.map((u) => intervalFigures(context, period, u));
  return (['rank_p5', 'rank_median', 'rank_p95'] as const).map((kind, k) => [
    node,
    kind,
    ...figures.map((f) => cell(f[k] ?? Number.NaN)),
  ]);
}
