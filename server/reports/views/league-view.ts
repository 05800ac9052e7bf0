/**
 * The districts' league table: every district ranked by its (rolled-up) index score in a period,
 * with the change since the previous period, its weakest dimension (短板, the engine's) and its population; the
 * export adds every dimension's score. A reader limited to some units sees only the districts in
 * their scope. Past LEAGUE_WHOLE districts (a national evaluation has hundreds) the table shows the
 * first and the last LEAGUE_END and links to the full ranking at the district level; the export
 * holds every district.
 */
import type { PeriodColumns } from '../context/period-columns.js';
import type { ReportContext } from '../context/report-context.js';
import { EVERY_UNIT, type ReportScope } from '../context/report-scope.js';
import { cell, type LabelledTable } from '../export/labelled-table.js';
import { numberFormat } from '../format/number-format.js';
import type { Lang } from '../i18n/lang.js';
import { fill } from '../i18n/fill.js';
import { labelsFor } from '../i18n/labels.js';
import { rollupMethodLabel } from './methodology-summary.js';
import { changeCell, engineChange, type ChangeCell } from './change-cell.js';
import { engineWeakestDimension } from './unit-signals.js';
import { nodeName } from './node-names.js';
import {
  INTERVAL_EXPORT_IDS,
  intervalExportLabels,
  intervalFigures,
  intervalNote,
  levelHasIntervals,
  unitInterval,
  type IntervalCell,
} from './rank-interval.js';
import { sortedByValue, walk } from './sorted-members.js';
import { unitHref, unitName } from './unit-names.js';

export interface LeagueRow {
  readonly rank: string;
  readonly name: string;
  readonly href: string;
  readonly score: string;
  readonly change: ChangeCell;
  /** The weakest dimension (短板) and its score; every dimension's score is in the export. */
  readonly weakest: string;
  readonly population: string;
  /** The Monte Carlo rank interval (shown when the view's `intervals` is true). */
  readonly interval: IntervalCell;
}

/** Up to this many districts the table shows them all. */
export const LEAGUE_WHOLE = 40;
/** Past LEAGUE_WHOLE, how many it shows from the top and from the bottom. */
export const LEAGUE_END = 15;

/** The row between the top and the bottom districts: how many are left out, and where they all are. */
export interface LeagueGap {
  readonly text: string;
  readonly link: string;
  readonly href: string;
}

export interface LeagueView {
  readonly intro: string;
  /** Every district, or the first LEAGUE_END of them. */
  readonly rows: readonly LeagueRow[];
  /** Null when every district is shown. */
  readonly gap: LeagueGap | null;
  /** The last LEAGUE_END districts when some are left out; else none. */
  readonly tail: readonly LeagueRow[];
  /** Whether the districts have rank intervals to show beside their ranks. */
  readonly intervals: boolean;
  /** Under the table: what the interval means, or why there is none. */
  readonly intervalNote: string;
}

/** The engine's weakest dimension of the district and its score. */
function weakestText(
  context: ReportContext,
  columns: PeriodColumns,
  period: number,
  unit: number,
  lang: Lang,
): string {
  const weakest = engineWeakestDimension(context, period, unit);
  if (weakest === null) return '—';
  return `${nodeName(context, weakest, lang)} ${numberFormat(lang).score(columns.scores.get(weakest)?.[unit] ?? Number.NaN)}`;
}

function districtsInOrder(context: ReportContext, period: number, scope: ReportScope): number[] {
  const ranks = context.period(period).ranks.get(context.results.root);
  const districts = (context.units.byLevel.get('district') ?? []).filter((d) => scope.allows(d));
  return [
    ...walk(
      sortedByValue(districts, (d) => ranks?.[d] ?? Number.NaN),
      'asc',
    ),
  ];
}

/**
 * `fullRanking` links to every district ranked (the ranking table at the district level), for a
 * table that leaves some out; `limits` are LEAGUE_WHOLE and LEAGUE_END unless a test sets others.
 */
export function leagueView(
  context: ReportContext,
  period: number,
  lang: Lang,
  scope: ReportScope = EVERY_UNIT,
  fullRanking = '',
  limits = { whole: LEAGUE_WHOLE, end: LEAGUE_END },
): LeagueView {
  const format = numberFormat(lang);
  const t = labelsFor(lang);
  const { units, results } = context;
  const columns = context.period(period);
  const scores = columns.scores.get(results.root);
  const intervals = levelHasIntervals(context, units.byLevel.get('district')?.[0]);
  const districts = districtsInOrder(context, period, scope);
  const whole = districts.length <= limits.whole;
  const left = districts.length - 2 * limits.end;
  const row = (d: number): LeagueRow => ({
    rank: format.count(columns.ranks.get(results.root)?.[d] ?? Number.NaN),
    name: unitName(units, d, lang),
    href: unitHref(context.evaluation.id, units.codes[d] ?? ''),
    score: format.score(scores?.[d] ?? Number.NaN),
    change: changeCell(engineChange(context, period, d, results.root), lang),
    weakest: weakestText(context, columns, period, d, lang),
    population: format.count(units.populations[d] ?? Number.NaN),
    interval: unitInterval(context, period, d, lang),
  });
  return {
    intro: fill(t.leagueIntro, { method: rollupMethodLabel(context, lang) }),
    intervals,
    intervalNote: intervalNote(context, intervals, false, lang),
    rows: (whole ? districts : districts.slice(0, limits.end)).map(row),
    gap: whole
      ? null
      : {
          text: fill(t.leagueLeftOut, { count: format.count(left) }),
          link: fill(t.leagueFullRanking, { count: format.count(districts.length) }),
          href: fullRanking,
        },
    tail: whole ? [] : districts.slice(-limits.end).map(row),
  };
}

export function leagueExport(
  context: ReportContext,
  period: number,
  lang: Lang,
  scope: ReportScope = EVERY_UNIT,
): LabelledTable {
  const t = labelsFor(lang);
  const { units, results } = context;
  const columns = context.period(period);
  return {
    name: `districts-${columns.period}`,
    ids: [
      'rank',
      'code',
      'name',
      'score',
      'change',
      ...context.dimensions,
      'population',
      ...INTERVAL_EXPORT_IDS,
    ],
    labels: [
      t.colRank,
      t.colCode,
      t.colUnit,
      t.colIndex,
      t.colChange,
      ...context.dimensions.map((d) => nodeName(context, d, lang)),
      t.colPopulation,
      ...intervalExportLabels(lang),
    ],
    rows: districtsInOrder(context, period, scope).map((d) => {
      const score = columns.scores.get(results.root)?.[d] ?? Number.NaN;
      return [
        cell(columns.ranks.get(results.root)?.[d] ?? Number.NaN),
        units.codes[d] ?? '',
        unitName(units, d, lang),
        cell(score),
        cell(engineChange(context, period, d, results.root)),
        ...context.dimensions.map((node) => cell(columns.scores.get(node)?.[d] ?? Number.NaN)),
        cell(units.populations[d] ?? Number.NaN),
        ...intervalFigures(context, period, d).map(cell),
      ];
    }),
  };
}
