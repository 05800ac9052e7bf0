/**
 * A unit's dimensions against its peer group: the radar chart (unit, peer-group median, best in the
 * peer group) and the same numbers as a table, with the unit's rank on each dimension.
 */
import { radarChart } from '../charts/radar-chart.js';
import type { ReportContext } from '../context/report-context.js';
import { cell, type LabelledTable } from '../export/labelled-table.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { nodeName } from './node-names.js';
import { peerBest, peerCount, peerGroupLabel, peerMedian } from './peer-stats.js';
import type { ChartView } from './chart-view.js';
import { safeJson } from './safe-json.js';

export interface DimensionRow {
  readonly name: string;
  readonly score: string;
  readonly rank: string;
  readonly peerMedian: string;
  readonly peerBest: string;
}

export interface DimensionView {
  readonly intro: string;
  readonly chart: ChartView;
  readonly rows: readonly DimensionRow[];
}

interface DimensionFigures {
  readonly id: string;
  readonly score: number;
  readonly rank: number;
  readonly median: number;
  readonly best: number;
}

function figures(context: ReportContext, period: number, unit: number): DimensionFigures[] {
  const columns = context.period(period);
  return context.dimensions.map((id) => {
    return {
      id,
      score: columns.scores.get(id)?.[unit] ?? Number.NaN,
      rank: columns.ranks.get(id)?.[unit] ?? Number.NaN,
      median: peerMedian(context, period, unit, 'scores', id),
      best: peerBest(context, period, unit, id),
    };
  });
}

export function dimensionView(
  context: ReportContext,
  period: number,
  unit: number,
  lang: Lang,
): DimensionView {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const found = figures(context, period, unit);
  const names = found.map((f) => nodeName(context, f.id, lang));
  return {
    intro: fill(t.radarIntro, {
      group: labelOf(lang, 'peer', peerGroupLabel(context, unit) || 'all'),
      count: format.count(peerCount(context, period, unit)),
    }),
    chart: {
      canvasId: 'chart-radar',
      label: t.radarTitle,
      tall: true,
      chartJson: safeJson(
        radarChart(names, [
          { label: t.seriesUnit, values: found.map((f) => f.score) },
          { label: t.seriesPeerMedian, values: found.map((f) => f.median) },
          { label: t.seriesPeerBest, values: found.map((f) => f.best) },
        ]),
      ),
    },
    rows: found.map((f, i) => ({
      name: names[i] ?? f.id,
      score: format.score(f.score),
      rank: format.count(f.rank),
      peerMedian: format.score(f.median),
      peerBest: format.score(f.best),
    })),
  };
}

export function dimensionExport(
  context: ReportContext,
  period: number,
  unit: number,
  lang: Lang,
): LabelledTable {
  const t = labelsFor(lang);
  return {
    name: `dimensions-${context.units.codes[unit] ?? ''}-${context.results.periods[period] ?? ''}`,
    ids: ['dimension', 'name', 'score', 'rank', 'peer_median', 'peer_best'],
    labels: [t.colId, t.colDimension, t.colScore, t.colRank, t.seriesPeerMedian, t.seriesPeerBest],
    rows: figures(context, period, unit).map((f) => [
      f.id,
      nodeName(context, f.id, lang),
      cell(f.score),
      cell(f.rank),
      cell(f.median),
      cell(f.best),
    ]),
  };
}
