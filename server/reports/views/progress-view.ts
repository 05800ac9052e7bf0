/**
 * The progress tables of the report pages, from the engine's stored progress section: on the
 * evaluation page the number of units in each Open SDG category per indicator, dimension and index in
 * the chosen period; on a unit page its own category per indicator and node with the growth ratio (or,
 * without a target, the annual growth) and the target. Each category reads as a word beside its
 * symbol, never by symbol or colour alone. Null when the results hold no progress (older evaluations)
 * or the period is the base itself or earlier.
 *
 * @example progressCountsView(context, context.latest, 'en')?.rows[0] // { name: 'Index', counts: ['3', …] }
 */
import type { ReportContext } from '../context/report-context.js';
import { numberFormat, MISSING } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { nodeName } from './node-names.js';

/** The shown categories in order (the stored names); "none" is shown last. */
const SHOWN = [
  'target_reached',
  'on_track',
  'moderate_progress',
  'limited_progress',
  'deterioration',
  'none',
];
const SYMBOLS: Readonly<Record<string, string>> = {
  target_reached: '✔',
  on_track: '↑',
  moderate_progress: '↗',
  limited_progress: '→',
  deterioration: '↓',
  none: '',
};

export interface ProgressCategory {
  readonly name: string;
  readonly symbol: string;
  readonly label: string;
}

export interface ProgressCountsView {
  readonly title: string;
  readonly intro: string;
  readonly caption: string;
  readonly itemHeader: string;
  readonly categories: readonly ProgressCategory[];
  readonly rows: readonly { readonly name: string; readonly counts: readonly string[] }[];
}

export interface UnitProgressView {
  readonly title: string;
  readonly intro: string;
  readonly caption: string;
  readonly headers: readonly string[];
  readonly rows: readonly {
    readonly name: string;
    readonly category: ProgressCategory;
    readonly value: string;
    readonly target: string;
  }[];
}

function category(name: string, lang: Lang): ProgressCategory {
  return { name, symbol: SYMBOLS[name] ?? '', label: labelOf(lang, 'progress', name) };
}

/** Indicators first (framework order), then the dimensions and the index. */
function items(context: ReportContext): string[] {
  return [...context.results.indicators, ...context.results.nodes];
}

function shownPeriod(context: ReportContext, period: number): boolean {
  const progress = context.progress;
  return progress !== null && period > context.results.periods.indexOf(progress.base);
}

function intro(context: ReportContext, lang: Lang): string {
  const progress = context.progress;
  return fill(labelsFor(lang).progressIntro, {
    base: progress?.base ?? '',
    target: progress?.targetPeriod ?? '',
  });
}

export function progressCountsView(
  context: ReportContext,
  period: number,
  lang: Lang,
): ProgressCountsView | null {
  const progress = context.progress;
  if (progress === null || !shownPeriod(context, period)) return null;
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const width = progress.statuses.length;
  const positions = SHOWN.map((name) => progress.statuses.indexOf(name));
  const rows = items(context)
    .filter((id) => progress.counts[id] !== undefined)
    .map((id) => {
      const counts = progress.counts[id] ?? [];
      return {
        name: nodeName(context, id, lang),
        counts: positions.map((at) => (at < 0 ? MISSING : format.count(counts[period * width + at] ?? 0))),
      };
    });
  return {
    title: t.progressTitle,
    intro: intro(context, lang),
    caption: fill(t.progressCountsCaption, { period: context.results.periods[period] ?? '' }),
    itemHeader: t.colProgressItem,
    categories: SHOWN.map((name) => category(name, lang)),
    rows,
  };
}

export function unitProgressView(
  context: ReportContext,
  unit: number,
  period: number,
  lang: Lang,
): UnitProgressView | null {
  const progress = context.progress;
  const place = context.place(unit);
  // Progress is computed for the scored units, the first of the results' levels.
  if (progress === null || place === null || place.level !== context.results.levels[0]) return null;
  if (!shownPeriod(context, period)) return null;
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const row = place.row(period);
  const rows = items(context)
    .filter((id) => progress.status[id] !== undefined)
    .map((id) => {
      const name = progress.statuses[progress.status[id]?.[row] ?? 0] ?? 'none';
      const stored = progress.value[id]?.[row];
      const value = stored === undefined || Number.isNaN(stored) ? null : stored;
      const target = progress.targets[id] ?? null;
      return {
        name: nodeName(context, id, lang),
        category: category(name, lang),
        value: value === null ? MISSING : target === null ? format.share(value) : format.raw(value),
        target: target === null ? t.progressNoTarget : format.raw(target),
      };
    });
  return {
    title: t.progressTitle,
    intro: intro(context, lang),
    caption: fill(t.progressUnitCaption, {
      base: progress.base,
      period: context.results.periods[period] ?? '',
    }),
    headers: [t.colProgressItem, t.colProgressStatus, t.colProgressValue, t.colProgressTarget],
    rows,
  };
}
