/**
 * The head of a unit report: index score, rank among all units of its level, within its parent and
 * within its peer group with how many units each ranking holds, percentile, change since
 * the previous period, and the rank interval of the Monte Carlo analysis ("ranks 12–19 in 90% of
 * plausible methods") when the results hold one.
 */
import type { ReportContext } from '../context/report-context.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';
import { changeCell, engineChange, type ChangeCell } from './change-cell.js';
import { engineGroupRank, enginePercentile } from './unit-signals.js';

export interface RankLine {
  readonly label: string;
  readonly text: string;
}

export interface UnitSummary {
  readonly score: string;
  readonly ranks: readonly RankLine[];
  readonly changeCaption: string;
  readonly change: ChangeCell;
  readonly interval: string;
}

function intervalText(context: ReportContext, period: number, unit: number, lang: Lang): string {
  const t = labelsFor(lang);
  if (context.intervals === null) return t.rankIntervalNone;
  // Each level's own intervals; results stored before levels had them hold the base units' only.
  const place = context.place(unit);
  const intervals = place?.level.intervals ?? null;
  if (place === null || intervals === null) return t.rankIntervalBaseOnly;
  const row = place.row(period);
  const low = intervals.p5[row] ?? Number.NaN;
  const high = intervals.p95[row] ?? Number.NaN;
  const middle = intervals.median[row] ?? Number.NaN;
  if (!Number.isFinite(low) || !Number.isFinite(high)) return t.rankIntervalMissing;
  const format = numberFormat(lang);
  return fill(t.rankIntervalText, {
    low: format.count(Math.floor(low)),
    high: format.count(Math.ceil(high)),
    median: format.count(middle),
    runs: format.count(intervals.runs),
  });
}

/** The engine's count of units with an index score in the unit's level, parent or peer group. */
function total(
  context: ReportContext,
  period: number,
  unit: number,
  which: 'levelTotal' | 'parentTotal' | 'peerTotal',
): number {
  const place = context.place(unit);
  return place?.level.figures?.[which][place.row(period)] ?? Number.NaN;
}

/** "rank of total" from stored figures; missing when either is. */
function rankText(rank: number | undefined, count: number, lang: Lang): string {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  return rank === undefined || !Number.isFinite(rank) || !Number.isFinite(count)
    ? t.missingValue
    : fill(t.rankOf, { rank: format.count(rank), total: format.count(count) });
}

export function unitSummary(context: ReportContext, period: number, unit: number, lang: Lang): UnitSummary {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const { units, results } = context;
  const scores = context.period(period).scores.get(results.root) ?? new Float64Array(0);
  const hasParent = (units.parents[unit] ?? -1) >= 0;
  const levelRank = context.period(period).ranks.get(results.root)?.[unit];
  const ranks: RankLine[] = [
    { label: t.rankAmongLevel, text: rankText(levelRank, total(context, period, unit, 'levelTotal'), lang) },
    ...(hasParent
      ? [
          {
            label: t.rankInParent,
            text: rankText(
              engineGroupRank(context, period, unit, 'parentRanks'),
              total(context, period, unit, 'parentTotal'),
              lang,
            ),
          },
        ]
      : []),
    {
      label: t.rankInPeerGroup,
      text: rankText(
        engineGroupRank(context, period, unit, 'peerRanks'),
        total(context, period, unit, 'peerTotal'),
        lang,
      ),
    },
    { label: t.percentileLabel, text: format.score(enginePercentile(context, period, unit) ?? Number.NaN) },
  ];
  return {
    score: format.score(scores[unit] ?? Number.NaN),
    ranks,
    changeCaption:
      period > 0
        ? fill(t.changeSincePrevious, { period: results.periods[period - 1] ?? '' })
        : t.noPreviousPeriod,
    change: changeCell(engineChange(context, period, unit, results.root), lang),
    interval: intervalText(context, period, unit, lang),
  };
}
