/**
 * The indicator table of a unit report, grouped by the node each indicator belongs to: raw value
 * and its unit of measure (a yes/no item in words: indicator-value.ts), normalised score, rank among
 * the units of the same level, traffic light and trend arrow (the engine's diagnostics: unit-signals.ts)
 * with a hint when the two look at odds, and why a value is missing or what was done to it (imputed,
 * winsorised …). The export keeps the raw values.
 */
import { indicatorStatusMarker } from './verification-view.js';
import type { StatusMarker } from './batch-verification.js';
import { cellFlagNames } from '../../engine/flags.js';
import { MISSING_REASONS } from '../../engine/missing-reasons.js';
import type { LightName as Light } from '../format/signal-names.js';
import type { TrendName as Trend } from '../format/signal-names.js';
import type { ReportContext } from '../context/report-context.js';
import { cell, type LabelledTable } from '../export/labelled-table.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';
import { catalogueHref } from './diagnosis-view.js';
import { indicatorRank } from './indicator-ranks.js';
import { indicatorValue, type ValueText } from './indicator-value.js';
import { lightCell, signalHint, type LightCell } from './light-cell.js';
import { targetLightNote } from './target-overrides.js';
import { nodeName } from './node-names.js';
import { trendCell, type TrendCell } from './trend-cell.js';
import { unitLight, unitTrend } from './unit-signals.js';

export interface IndicatorRow {
  readonly id: string;
  readonly name: string;
  readonly href: string;
  readonly direction: string;
  readonly raw: string;
  readonly measure: string;
  readonly normalised: string;
  readonly rank: string;
  readonly light: LightCell;
  /** Beside the light: the target override that applied to this unit and period (targets that fit). */
  readonly targetNote: string | null;
  readonly trend: TrendCell;
  /** Why the light and the trend both hold when they look at odds ('' when they do not). */
  readonly hint: string;
  readonly note: string;
  /** The value's source and review status (issue 15); null for results stored before sources existed. */
  readonly status: StatusMarker | null;
}

export interface IndicatorGroup {
  readonly name: string;
  readonly rows: readonly IndicatorRow[];
}

interface IndicatorFigures {
  readonly id: string;
  readonly raw: number;
  readonly normalised: number;
  readonly rank: number;
  readonly total: number;
  readonly light: Light | null;
  readonly trend: Trend | null;
  readonly reason: string | null;
  readonly flags: readonly string[];
}

function figures(context: ReportContext, period: number, unit: number, indicator: string): IndicatorFigures {
  const { units, results } = context;
  const columns = context.period(period);
  const raw = columns.raw.get(indicator)?.[unit] ?? Number.NaN;
  const base = unit < units.baseCount;
  const ranked = indicatorRank(context, period, unit, indicator);
  const row = period * units.baseCount + unit;
  const code = base ? (results.rawReasons.get(indicator)?.[row] ?? 0) : 0;
  return {
    id: indicator,
    raw,
    normalised: columns.normalised.get(indicator)?.[unit] ?? Number.NaN,
    rank: ranked.rank,
    total: ranked.total,
    light: unitLight(context, period, unit, indicator),
    trend: unitTrend(context, period, unit, indicator),
    reason: code === 0 ? null : (MISSING_REASONS[code] ?? null),
    flags: base ? cellFlagNames(results.flags.get(indicator)?.[row] ?? 0) : [],
  };
}

/** Indicators grouped under their parent node, nodes in framework order. */
function groups(context: ReportContext): [string, string[]][] {
  return context.memo('indicatorGroups', () => {
    const byParent = new Map<string, string[]>();
    for (const indicator of context.results.indicators) {
      const parent = context.parentOf.get(indicator) ?? context.results.root;
      byParent.set(parent, [...(byParent.get(parent) ?? []), indicator]);
    }
    return [...byParent.entries()];
  });
}

export function indicatorTable(
  context: ReportContext,
  period: number,
  unit: number,
  lang: Lang,
): IndicatorGroup[] {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const separator = lang === 'zh' ? '；' : '; ';
  const shown = (text: ValueText) => ({ raw: text.value, measure: text.measure });
  return groups(context).map(([parent, indicators]) => ({
    name: nodeName(context, parent, lang),
    rows: indicators.map((id): IndicatorRow => {
      const f = figures(context, period, unit, id);
      const definition = context.indicatorDefinitions.get(id);
      const target =
        unit < context.units.baseCount
          ? targetLightNote(context, id, period * context.units.baseCount + unit, lang)
          : null;
      const notes = [
        ...(f.reason === null ? [] : [labelOf(lang, 'reason', f.reason)]),
        ...f.flags.map((flag) => labelOf(lang, 'flag', flag)),
        ...(target === null ? [] : [target.justification]),
      ];
      return {
        id,
        name: nodeName(context, id, lang),
        href: catalogueHref(context, id),
        direction: definition === undefined ? '' : labelOf(lang, 'direction', definition.direction),
        ...shown(indicatorValue(context, unit, id, f.raw, lang)),
        normalised: format.score(f.normalised),
        rank: Number.isFinite(f.rank)
          ? fill(t.rankOf, { rank: format.count(f.rank), total: format.count(f.total) })
          : '—',
        light: lightCell(f.light, lang),
        targetNote: target?.text ?? null,
        trend: trendCell(f.trend, lang),
        hint: signalHint(f.light, f.trend, lang),
        note: notes.join(separator),
        status: indicatorStatusMarker(context, period, unit, id, lang),
      };
    }),
  }));
}

export function indicatorExport(
  context: ReportContext,
  period: number,
  unit: number,
  lang: Lang,
): LabelledTable {
  const t = labelsFor(lang);
  const rows = groups(context).flatMap(([parent, indicators]) =>
    indicators.map((id) => {
      const f = figures(context, period, unit, id);
      const definition = context.indicatorDefinitions.get(id);
      return [
        parent,
        id,
        nodeName(context, id, lang),
        cell(f.raw),
        definition === undefined ? null : pick(definition.unit, lang),
        cell(f.normalised),
        cell(f.rank),
        f.light,
        f.trend,
        f.reason,
        f.flags.join(' '),
      ];
    }),
  );
  return {
    name: `indicators-${context.units.codes[unit] ?? ''}-${context.results.periods[period] ?? ''}`,
    ids: [
      'dimension',
      'indicator',
      'name',
      'raw',
      'unit',
      'normalised',
      'rank',
      'light',
      'trend',
      'missing_reason',
      'flags',
    ],
    labels: [
      t.colDimension,
      t.colId,
      t.colIndicator,
      t.colRaw,
      t.colMeasure,
      t.colNormalised,
      t.colRank,
      t.colLight,
      t.colTrend,
      t.colReasons,
      t.colNote,
    ],
    rows,
  };
}
