/**
 * The unit page's own trend: the unit's index score and its rank within its level in every period
 * of the evaluation, as the engine stored them, drawn as one chart (score left, rank right with 1
 * on top) with the same figures in a table beside it.
 *
 * @example unitTrend(context, unit, 'zh').rows[0] // { period: '2024', score: '61.2', rank: '9' }
 */
import { scoreRankChart } from '../charts/score-rank-chart.js';
import type { ReportContext } from '../context/report-context.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import type { ChartView } from './chart-view.js';
import { safeJson } from './safe-json.js';

export interface UnitTrend {
  readonly title: string;
  readonly chart: ChartView;
  readonly scoreLabel: string;
  readonly rankLabel: string;
  /** Only one period: no trend to draw. */
  readonly single: boolean;
  readonly rows: readonly { readonly period: string; readonly score: string; readonly rank: string }[];
}

export function unitTrend(context: ReportContext, unit: number, lang: Lang): UnitTrend {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const { periods, root } = context.results;
  const scores = periods.map((_, p) => context.period(p).scores.get(root)?.[unit] ?? Number.NaN);
  const ranks = periods.map((_, p) => context.period(p).ranks.get(root)?.[unit] ?? Number.NaN);
  const level = labelOf(lang, 'level', context.units.levels[unit] ?? 'community');
  const scoreLabel = t.unitTrendScore;
  const rankLabel = fill(t.unitTrendRank, { level });
  return {
    title: t.unitTrendTitle,
    chart: {
      canvasId: 'chart-unit-trend',
      label: t.unitTrendTitle,
      tall: false,
      chartJson: safeJson(
        scoreRankChart(
          periods,
          { label: scoreLabel, values: scores },
          { label: t.unitTrendRankChart, values: ranks },
          t.unitTrendTitle,
        ),
      ),
    },
    scoreLabel,
    rankLabel,
    single: periods.length < 2,
    rows: periods.map((period, p) => ({
      period,
      score: format.score(scores[p] ?? Number.NaN),
      rank: format.count(ranks[p] ?? Number.NaN),
    })),
  };
}
