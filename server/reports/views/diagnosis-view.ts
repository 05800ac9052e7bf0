/**
 * The weakest-link diagnosis (短板) of a unit: its weakest dimension against the peer median, its three
 * lowest-scoring indicators with the change each needs to reach the peer median (both from the
 * engine's diagnostics when stored), and the indicators whose rise to the peer-group median would
 * lift its rank most — the raw value now, the peer median, the change needed in the indicator's own
 * unit, and the index score and rank it would bring (improvementOptions).
 */
import { isRowMethod } from '../compute/aggregate-row.js';
import { improvementOptions, type ImprovementOption } from '../compute/improvement-options.js';
import { weakestDimension, type WeakestDimension } from '../compute/weakest-dimension.js';
import type { ReportContext } from '../context/report-context.js';
import { cell, type LabelledTable } from '../export/labelled-table.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';
import { levelRanking } from './indicator-ranks.js';
import { nodeName } from './node-names.js';
import { peerMedian } from './peer-stats.js';
import { engineWeakestDimension, engineWeakestIndicators, type EngineWeakIndicator } from './unit-signals.js';

export const IMPROVEMENTS_SHOWN = 5;
export const WEAKEST_SHOWN = 3;

export interface ImprovementRow {
  readonly name: string;
  readonly href: string;
  readonly now: string;
  readonly peerMedian: string;
  readonly needed: string;
  readonly scoreGain: string;
  readonly newRank: string;
  readonly rankGain: string;
}

export interface WeakIndicatorRow {
  readonly name: string;
  readonly href: string;
  readonly now: string;
  readonly peerMedian: string;
  readonly needed: string;
}

export interface DiagnosisView {
  readonly weakest: string;
  /** The three lowest-scoring indicators and the change each needs to reach the peer median. */
  readonly weakIndicators: readonly WeakIndicatorRow[];
  readonly rows: readonly ImprovementRow[];
  readonly none: boolean;
  readonly approximate: boolean;
}

function options(context: ReportContext, period: number, unit: number): ImprovementOption[] {
  const columns = context.period(period);
  const { results, units } = context;
  const level = units.levels[unit] ?? 'community';
  const method = isRowMethod(context.aggregation) ? context.aggregation : 'arithmetic';
  return improvementOptions({
    weights: results.weights,
    order: results.nodes,
    root: results.root,
    method,
    indicators: results.indicators,
    normalised: (id) => columns.normalised.get(id)?.[unit] ?? Number.NaN,
    peerMedian: (id) => peerMedian(context, period, unit, 'normalised', id),
    score: columns.scores.get(results.root)?.[unit] ?? Number.NaN,
    rank: columns.ranks.get(results.root)?.[unit] ?? Number.NaN,
    ranking: levelRanking(context, period, level),
  });
}

function signedRaw(value: number, lang: Lang): string {
  const text = numberFormat(lang).raw(value);
  return value > 0 ? `+${text}` : text;
}

export function catalogueHref(context: ReportContext, indicator: string): string {
  const links = context.memo('catalogueHrefs', () => new Map<string, string>());
  let link = links.get(indicator);
  if (link === undefined) {
    link = `/indicators?framework=${encodeURIComponent(context.snapshot.framework.id)}#${encodeURIComponent(indicator)}`;
    links.set(indicator, link);
  }
  return link;
}

/** The weakest dimension: the engine's for a scored unit when stored, else the lowest-scoring one here. */
function weakestOf(context: ReportContext, period: number, unit: number): WeakestDimension | null {
  const columns = context.period(period);
  const stored = engineWeakestDimension(context, period, unit);
  const candidates = stored === undefined ? context.dimensions : stored === null ? [] : [stored];
  return weakestDimension(
    candidates,
    (d) => columns.scores.get(d)?.[unit] ?? Number.NaN,
    (d) => peerMedian(context, period, unit, 'scores', d),
  );
}

/**
 * The three indicators with the lowest normalised values, with the peer-group median of the raw value
 * and the change needed to reach it (0 when already there): the engine's for a scored unit when
 * stored, else the same rule here.
 */
export function weakIndicators(context: ReportContext, period: number, unit: number): EngineWeakIndicator[] {
  const stored = engineWeakestIndicators(context, period, unit);
  if (stored !== undefined) return [...stored];
  const columns = context.period(period);
  return context.results.indicators
    .map((id) => ({ id, value: columns.normalised.get(id)?.[unit] ?? Number.NaN }))
    .filter((x) => Number.isFinite(x.value))
    .sort((a, b) => a.value - b.value)
    .slice(0, WEAKEST_SHOWN)
    .map(({ id }) => {
      const median = peerMedian(context, period, unit, 'raw', id);
      const now = columns.raw.get(id)?.[unit] ?? Number.NaN;
      const sign = context.indicatorDefinitions.get(id)?.direction === 'lower' ? -1 : 1;
      const change = (median - now) * sign > 0 ? median - now : 0;
      return { indicator: id, median, change };
    });
}

export function diagnosisView(
  context: ReportContext,
  period: number,
  unit: number,
  lang: Lang,
): DiagnosisView {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const columns = context.period(period);
  const weakest = weakestOf(context, period, unit);
  const measureOf = (id: string): string => {
    const definition = context.indicatorDefinitions.get(id);
    return definition === undefined ? '' : ` ${pick(definition.unit, lang)}`;
  };
  const weak = weakIndicators(context, period, unit).map((w) => ({
    name: nodeName(context, w.indicator, lang),
    href: catalogueHref(context, w.indicator),
    now: `${format.raw(columns.raw.get(w.indicator)?.[unit] ?? Number.NaN)}${measureOf(w.indicator)}`,
    peerMedian: `${format.raw(w.median)}${measureOf(w.indicator)}`,
    needed: `${signedRaw(w.change, lang)}${measureOf(w.indicator)}`,
  }));
  const rows = options(context, period, unit)
    .slice(0, IMPROVEMENTS_SHOWN)
    .map((option): ImprovementRow => {
      const definition = context.indicatorDefinitions.get(option.indicator);
      const measure = definition === undefined ? '' : ` ${pick(definition.unit, lang)}`;
      const now = columns.raw.get(option.indicator)?.[unit] ?? Number.NaN;
      const median = peerMedian(context, period, unit, 'raw', option.indicator);
      return {
        name: nodeName(context, option.indicator, lang),
        href: catalogueHref(context, option.indicator),
        now: `${format.raw(now)}${measure}`,
        peerMedian: `${format.raw(median)}${measure}`,
        needed: `${signedRaw(median - now, lang)}${measure}`,
        scoreGain: format.signed(option.scoreGain),
        newRank: format.count(option.newRank),
        rankGain: format.count(option.rankGain),
      };
    });
  return {
    weakest:
      weakest === null
        ? t.weakestNone
        : fill(t.weakestText, {
            dimension: nodeName(context, weakest.dimension, lang),
            score: format.score(weakest.score),
            median: format.score(weakest.peerMedian),
            gap: format.signed(weakest.gap),
          }),
    weakIndicators: weak,
    rows,
    none: rows.length === 0,
    approximate: !isRowMethod(context.aggregation),
  };
}

export function diagnosisExport(
  context: ReportContext,
  period: number,
  unit: number,
  lang: Lang,
): LabelledTable {
  const t = labelsFor(lang);
  const columns = context.period(period);
  return {
    name: `improvements-${context.units.codes[unit] ?? ''}-${context.results.periods[period] ?? ''}`,
    ids: [
      'indicator',
      'name',
      'raw',
      'peer_median_raw',
      'normalised',
      'peer_median_normalised',
      'index_change',
      'new_score',
      'new_rank',
      'places_gained',
    ],
    labels: [
      t.colId,
      t.colIndicator,
      t.colNow,
      t.colPeerMedianValue,
      t.colNormalised,
      `${t.colNormalised} (${t.seriesPeerMedian})`,
      t.colScoreGain,
      t.colIndex,
      t.colNewRank,
      t.colRankGain,
    ],
    rows: options(context, period, unit).map((o) => [
      o.indicator,
      nodeName(context, o.indicator, lang),
      cell(columns.raw.get(o.indicator)?.[unit] ?? Number.NaN),
      cell(peerMedian(context, period, unit, 'raw', o.indicator)),
      cell(o.from),
      cell(o.to),
      cell(o.scoreGain),
      cell(o.newScore),
      cell(o.newRank),
      cell(o.rankGain),
    ]),
  };
}
