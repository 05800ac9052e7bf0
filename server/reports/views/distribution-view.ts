/**
 * The distribution of index scores among the units of one level in one period: a histogram as a
 * chart and, for screen readers, print and export, as a table with counts and shares, from the
 * engine's stored histogram. A reader limited to some units sees the distribution among their units
 * only (the engine's bins, holding their units).
 */
import { histogramChart } from '../charts/histogram-chart.js';
import type { Bin } from '../../engine/diagnostics/histogram.js';
import type { ReportContext } from '../context/report-context.js';
import { EVERY_UNIT, type ReportScope } from '../context/report-scope.js';
import { cell, type LabelledTable } from '../export/labelled-table.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import type { UnitLevel } from '../../domain/unit.js';
import type { ChartView } from './chart-view.js';
import { safeJson } from './safe-json.js';

export interface DistributionRow {
  readonly range: string;
  readonly count: string;
  readonly share: string;
}

export interface DistributionView {
  readonly intro: string;
  readonly chart: ChartView;
  readonly rows: readonly DistributionRow[];
}

/**
 * The engine's histogram of the level's index scores in the period; for a reader limited to some
 * units, the same bins holding only their units (each unit's bin as the engine assigned it).
 */
function bins(context: ReportContext, period: number, level: UnitLevel, scope: ReportScope): readonly Bin[] {
  return context.memo(`histogram\n${period}\n${level}\n${scope.key}`, () => {
    const members = context.units.byLevel.get(level) ?? [];
    const place = members[0] === undefined ? null : context.place(members[0]);
    const figures = place?.level.figures;
    const stored = figures?.bins[period] ?? [];
    if (scope.unrestricted || figures === undefined || figures === null) return stored;
    // A tally of the reader's units over the engine's bins (the only figure made here).
    const counts = stored.map(() => 0);
    let total = 0;
    for (const u of members) {
      const at = context.place(u);
      const bin = at === null || !scope.allows(u) ? -1 : (figures.binOf[at.row(period)] ?? -1);
      if (bin < 0) continue;
      counts[bin] = (counts[bin] ?? 0) + 1;
      total++;
    }
    return stored.map((b, i) => ({
      from: b.from,
      to: b.to,
      count: counts[i] ?? 0,
      share: total === 0 ? Number.NaN : (counts[i] ?? 0) / total,
    }));
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
  const labels = counted.map((b) => rangeLabel(b, lang));
  return {
    intro: fill(t.distributionIntro, {
      level: labelOf(lang, 'level', level),
      period: context.results.periods[period] ?? '',
    }),
    chart: {
      canvasId: 'chart-distribution',
      label: t.distributionTitle,
      tall: false,
      chartJson: safeJson(
        histogramChart(
          labels,
          counted.map((b) => b.count),
          t.colUnits,
          t.colScoreRange,
        ),
      ),
    },
    rows: counted.map((b, i) => ({
      range: labels[i] ?? '',
      count: format.count(b.count),
      share: format.share(b.share),
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
  return {
    name: `distribution-${context.results.periods[period] ?? ''}-${level}`,
    ids: ['from', 'to', 'units', 'share'],
    labels: [`${t.colScoreRange} ≥`, `${t.colScoreRange} <`, t.colUnits, t.colShare],
    rows: counted.map((b) => [cell(b.from), cell(b.to), b.count, cell(b.share)]),
  };
}
