/**
 * The head of a unit report: index score, rank among all units of its level, within its parent and
 * within its peer group (the engine's ranks for scored units when stored), percentile, change since
 * the previous period, and the rank interval of the Monte Carlo analysis ("ranks 12–19 in 90% of
 * plausible methods") when the results hold one.
 */
import { percentileWithin } from '../compute/percentile-within.js';
import { rankWithin } from '../compute/rank-within.js';
import type { ReportContext } from '../context/report-context.js';
import type { UnitLevel } from '../../domain/unit.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';
import { changeCell, type ChangeCell } from './change-cell.js';
import { peerMembers } from './peer-stats.js';
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
  const { intervals, units } = context;
  if (intervals === null) return t.rankIntervalNone;
  if (unit >= units.baseCount) return t.rankIntervalBaseOnly;
  const row = period * units.baseCount + unit;
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

/** How many units of a level have an index score in a period. */
function rankedCount(context: ReportContext, period: number, level: UnitLevel): number {
  return context.memo(`rankedCount\n${period}\n${level}`, () => {
    const scores = context.period(period).scores.get(context.results.root);
    return (context.units.byLevel.get(level) ?? []).filter((u) => Number.isFinite(scores?.[u] ?? Number.NaN))
      .length;
  });
}

/**
 * The rank within the peer group: the engine's when stored, with the group's count of scored units
 * counted once per period (a peer group can hold thousands of units); else ranked here.
 */
function peerLine(context: ReportContext, period: number, unit: number, lang: Lang): RankLine {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const scores = context.period(period).scores.get(context.results.root) ?? new Float64Array(0);
  const members = peerMembers(context, unit);
  const stored = engineGroupRank(context, period, unit, 'peerRanks');
  const found =
    stored === undefined
      ? rankWithin(scores, members, unit)
      : Number.isFinite(scores[unit] ?? Number.NaN)
        ? { rank: stored, total: scoredPeers(context, period, unit, scores, members) }
        : null;
  return {
    label: t.rankInPeerGroup,
    text:
      found === null
        ? t.missingValue
        : fill(t.rankOf, { rank: format.count(found.rank), total: format.count(found.total) }),
  };
}

function scoredPeers(
  context: ReportContext,
  period: number,
  unit: number,
  scores: Float64Array,
  members: readonly number[],
): number {
  const { units } = context;
  const key = `scoredPeers\n${period}\n${units.levels[unit] ?? ''}\n${units.peerGroups[unit] ?? ''}`;
  return context.memo(key, () => members.filter((m) => Number.isFinite(scores[m] ?? Number.NaN)).length);
}

export function unitSummary(context: ReportContext, period: number, unit: number, lang: Lang): UnitSummary {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const { units, results } = context;
  const scores = context.period(period).scores.get(results.root) ?? new Float64Array(0);
  const level = units.levels[unit] ?? 'community';
  const parent = units.parents[unit] ?? -1;
  const siblings = parent >= 0 ? (units.children[parent] ?? []).filter((u) => units.levels[u] === level) : [];
  /** The rank among `members` (the engine's when it stored one) and how many of them have a score. */
  const line = (label: string, members: readonly number[], stored?: number): RankLine => {
    const found = rankWithin(scores, members, unit);
    return {
      label,
      text:
        found === null
          ? t.missingValue
          : fill(t.rankOf, { rank: format.count(stored ?? found.rank), total: format.count(found.total) }),
    };
  };
  const levelMembers = units.byLevel.get(level) ?? [];
  const levelRank = context.period(period).ranks.get(results.root)?.[unit] ?? Number.NaN;
  const ranks = [
    // The level rank is already in the period's columns; only the count of ranked units is needed.
    {
      label: t.rankAmongLevel,
      text: Number.isFinite(levelRank)
        ? fill(t.rankOf, {
            rank: format.count(levelRank),
            total: format.count(rankedCount(context, period, level)),
          })
        : t.missingValue,
    },
    ...(siblings.length > 0
      ? [line(t.rankInParent, siblings, engineGroupRank(context, period, unit, 'parentRanks'))]
      : []),
    peerLine(context, period, unit, lang),
    {
      label: t.percentileLabel,
      text: format.score(
        enginePercentile(context, period, unit) ?? percentileWithin(scores, levelMembers, unit),
      ),
    },
  ];
  const previous = period > 0 ? context.period(period - 1).scores.get(results.root) : undefined;
  return {
    score: format.score(scores[unit] ?? Number.NaN),
    ranks,
    changeCaption:
      period > 0
        ? fill(t.changeSincePrevious, { period: results.periods[period - 1] ?? '' })
        : t.noPreviousPeriod,
    change: changeCell(scores[unit] ?? Number.NaN, previous?.[unit] ?? Number.NaN, lang),
    interval: intervalText(context, period, unit, lang),
  };
}
