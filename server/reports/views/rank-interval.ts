/**
 * A unit's Monte Carlo rank interval and band as the tables beside ranks show them, read from the
 * engine's stored intervals of the unit's level: the interval printed as the whole ranks it covers
 * ("9–15": the 5 % quantile rounded down, the 95 % quantile up), the band as the nominal ranks it
 * spans ("3–6"), and the band's parity for alternate shading. The sentence under a table says what
 * the interval means, or why there is none (no Monte Carlo; none at this level).
 *
 * @example unitInterval(context, 2, unit, 'zh') // { text: '9–15', bracketed: '（9–15）', band: '7–12', shade: 'band-odd' }
 */
import type { RankIntervals } from '../context/compact-results.js';
import type { ReportContext } from '../context/report-context.js';
import { MISSING, numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';

export interface IntervalCell {
  /** "9–15", or an em dash when the unit has no interval. */
  readonly text: string;
  /** The interval to print after the rank: "（9–15）" in Chinese, " (9–15)" in English; '' without. */
  readonly bracketed: string;
  /** The band's nominal ranks ("3–6", "5" for a band of one), an em dash without. */
  readonly band: string;
  /** 'band-odd' or 'band-even' for shading, '' without a band. */
  readonly shade: string;
}

/** The stored intervals of the unit's level and the unit's row in them, or null. */
function placed(
  context: ReportContext,
  period: number,
  unit: number,
): { intervals: RankIntervals; row: number } | null {
  const place = context.place(unit);
  const intervals = place?.level.intervals ?? null;
  return place === null || intervals === null ? null : { intervals, row: place.row(period) };
}

/** Whether the tables of this unit's level can show intervals (the first unit of the level decides). */
export function levelHasIntervals(context: ReportContext, unit: number | undefined): boolean {
  return unit !== undefined && (context.place(unit)?.level.intervals ?? null) !== null;
}

function range(low: number, high: number, lang: Lang): string {
  if (!Number.isFinite(low) || !Number.isFinite(high) || low <= 0) return MISSING;
  const format = numberFormat(lang);
  if (low === high) return format.count(low);
  return fill(labelsFor(lang).rankIntervalRange, { low: format.count(low), high: format.count(high) });
}

export function unitInterval(context: ReportContext, period: number, unit: number, lang: Lang): IntervalCell {
  const at = placed(context, period, unit);
  if (at === null) return { text: MISSING, bracketed: '', band: MISSING, shade: '' };
  const { intervals, row } = at;
  const text = range(
    Math.floor(intervals.p5[row] ?? Number.NaN),
    Math.ceil(intervals.p95[row] ?? Number.NaN),
    lang,
  );
  const bracketed = text === MISSING ? '' : fill(labelsFor(lang).rankIntervalBracket, { range: text });
  const band = intervals.bands?.band[row] ?? Number.NaN;
  if (!(band > 0)) return { text, bracketed, band: MISSING, shade: '' };
  return {
    text,
    bracketed,
    band: range(intervals.bands?.first[row] ?? Number.NaN, intervals.bands?.last[row] ?? Number.NaN, lang),
    shade: band % 2 === 1 ? 'band-odd' : 'band-even',
  };
}

/** The unit's stored interval figures for exports: p5, median, p95, band, band's first and last rank. */
export function intervalFigures(context: ReportContext, period: number, unit: number): number[] {
  const at = placed(context, period, unit);
  if (at === null) return [Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN];
  const { intervals, row } = at;
  return [
    intervals.p5[row] ?? Number.NaN,
    intervals.median[row] ?? Number.NaN,
    intervals.p95[row] ?? Number.NaN,
    intervals.bands?.band[row] ?? Number.NaN,
    intervals.bands?.first[row] ?? Number.NaN,
    intervals.bands?.last[row] ?? Number.NaN,
  ];
}

export const INTERVAL_EXPORT_IDS = [
  'rank_p5',
  'rank_median',
  'rank_p95',
  'rank_band',
  'rank_band_first',
  'rank_band_last',
] as const;

/** The export headers of intervalFigures(), in the reader's language. */
export function intervalExportLabels(lang: Lang): string[] {
  const t = labelsFor(lang);
  return [t.colRankP5, t.colRankMedian, t.colRankP95, t.colBandNumber, t.colBandFirst, t.colBandLast];
}

/**
 * The sentence under a table: what the interval means (with bands or not), that the evaluation has no
 * Monte Carlo, or that the analysis gave none at this level.
 */
export function intervalNote(context: ReportContext, shown: boolean, bands: boolean, lang: Lang): string {
  const t = labelsFor(lang);
  if (context.intervals === null) return t.intervalNoMonteCarlo;
  if (!shown) return t.intervalNoneAtLevel;
  return bands ? t.intervalBandMeaning : t.intervalMeaning;
}
