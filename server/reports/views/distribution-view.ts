/**
 * The distribution of index scores among the units of one level in one period: a histogram as a
 * chart and, for screen readers, print and export, as a table with counts and shares. A reader
 * limited to some units sees the distribution among their units only.
 */
import { histogramChart } from '../charts/histogram-chart.js';
import { histogram, type Bin } from '../compute/histogram.js';
import type { ReportContext } from '../context/report-context.js';
import { EVERY_UNIT, type ReportScope } from '../context/report-scope.js';
import { cell, type LabelledTable } from '../export/labelled-table.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import type { UnitLevel } from '../../domain/unit.js';
import { safeJson } from './safe-json.js';

export interface DistributionRow {
  readonly range: string;
  readonly count: string;
  readonly share: string;
}

export interface DistributionView {
  readonly intro: string;
  readonly canvasId: string;
  readonly chartJson: string;
  readonly rows: readonly DistributionRow[];
}

function bins(context: ReportContext, period: number, level: UnitLevel, scope: ReportScope): Bin[] {
  return context.memo(`histogram\n${period}\n${level}\n${scope.key}`, () => {
    const scores = context.period(period).scores.get(context.results.root);
    const members = (context.units.byLevel.get(level) ?? []).filter((u) => scope.allows(u));
    return histogram(members.map((u) => scores?.[u] ?? Number.NaN));
  });
}

function rangeLabel(bin: Bin, lang: Lang): string {
  const format = numberFormat(lang);
  return `${format.raw(bin.from)}–${format.raw(bin.to)}`;
}

export function distributionView(
  context: ReportContext,
  period: number,
  level: UnitLevel,
  lang: Lang,
  scope: ReportScope = EVERY_UNIT,
): DistributionView {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const counted = bins(context, period, level, scope);
  const total = counted.reduce((sum, b) => sum + b.count, 0);
  const labels = counted.map((b) => rangeLabel(b, lang));
  return {
    intro: fill(t.distributionIntro, {
      level: labelOf(lang, 'level', level),
      period: context.results.periods[period] ?? '',
    }),
    canvasId: 'chart-distribution',
    chartJson: safeJson(
      histogramChart(
        labels,
        counted.map((b) => b.count),
        t.colUnits,
        t.colScoreRange,
      ),
    ),
    rows: counted.map((b, i) => ({
      range: labels[i] ?? '',
      count: format.count(b.count),
      share: format.share(total === 0 ? Number.NaN : b.count / total),
    })),
  };
}

export function distributionExport(
  context: ReportContext,
  period: number,
  level: UnitLevel,
  lang: Lang,
  scope: ReportScope = EVERY_UNIT,
): LabelledTable {
  const t = labelsFor(lang);
  const counted = bins(context, period, level, scope);
  const total = counted.reduce((sum, b) => sum + b.count, 0);
  return {
    name: `distribution-${context.results.periods[period] ?? ''}-${level}`,
    ids: ['from', 'to', 'units', 'share'],
    labels: [`${t.colScoreRange} ≥`, `${t.colScoreRange} <`, t.colUnits, t.colShare],
    rows: counted.map((b) => [
      cell(b.from),
      cell(b.to),
      b.count,
      cell(total === 0 ? Number.NaN : b.count / total),
    ]),
  };
}
