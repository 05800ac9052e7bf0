/**
 * The weakest-link diagnosis (短板) of a unit at any level: its weakest dimension against the peer
 * median (behind or ahead of which group's median, by how much), its three lowest-scoring indicators
 * with what it takes to reach the peer median, and the indicators whose rise to the peer-group median
 * would lift its rank most — the value now, the peer median, what it takes in words (减少 7.3 项,
 * 需要建立; indicator-value.ts), and the index score and rank it would bring. Every figure is the
 * engine's, as the results store it; this file only selects and formats them.
 */
import { isRowMethod } from '../../engine/diagnostics/improvements/aggregate-row.js';
import { IMPROVEMENTS_KEPT } from '../../engine/diagnostics/level-figures.js';
import type { ImprovementDocument } from '../../evaluation/figures-document.js';
import { improvementsAt } from '../context/compact-improvements.js';
import type { ReportContext } from '../context/report-context.js';
import { cell, type LabelledTable } from '../export/labelled-table.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { nodeName } from './node-names.js';
import { indicatorValue, neededChange, valuePhrase } from './indicator-value.js';
import { peerGroupLabel, peerMedian } from './peer-stats.js';
import { engineWeakestDimension, engineWeakestIndicators } from './unit-signals.js';

/** The engine keeps IMPROVEMENTS_KEPT options per unit and period; the page shows them all. */
export const IMPROVEMENTS_SHOWN = IMPROVEMENTS_KEPT;

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

/** The engine's improvement options of the unit, the largest rank gain first. */
function options(context: ReportContext, period: number, unit: number): readonly ImprovementDocument[] {
  const place = context.place(unit);
  const improvements = place?.level.figures?.improvements;
  return place === null || improvements === undefined ? [] : improvementsAt(improvements, place.row(period));
}

function value(cell: number | null): number {
  return cell ?? Number.NaN;
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

interface WeakestDimension {
  readonly dimension: string;
  readonly score: number;
  readonly peerMedian: number;
  readonly gap: number;
}

/** The engine's weakest dimension of the unit with its score, peer median and gap to it. */
function weakestOf(context: ReportContext, period: number, unit: number): WeakestDimension | null {
  const dimension = engineWeakestDimension(context, period, unit);
  if (dimension === null) return null;
  const place = context.place(unit);
  return {
    dimension,
    score: context.period(period).scores.get(dimension)?.[unit] ?? Number.NaN,
    peerMedian: peerMedian(context, period, unit, 'scores', dimension),
    gap:
      place === null
        ? Number.NaN
        : (place.level.figures?.peerGaps.get(dimension)?.[place.row(period)] ?? Number.NaN),
  };
}

/** The weakest dimension in a sentence: its score, and how far behind (or ahead of) which median. */
function weakestSentence(
  context: ReportContext,
  unit: number,
  weakest: WeakestDimension,
  lang: Lang,
): string {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const gap = format.score(Math.abs(weakest.gap));
  const template =
    !Number.isFinite(weakest.gap) || gap === format.score(0)
      ? t.weakestLevel
      : weakest.gap < 0
        ? t.weakestBehind
        : t.weakestAhead;
  return fill(template, {
    dimension: nodeName(context, weakest.dimension, lang),
    score: format.score(weakest.score),
    group: labelOf(lang, 'peer', peerGroupLabel(context, unit) || 'all'),
    median: format.score(weakest.peerMedian),
    gap,
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
  const phrase = (indicator: string, value: number, median = false): string =>
    valuePhrase(indicatorValue(context, unit, indicator, value, lang, median), lang);
  const weak = engineWeakestIndicators(context, period, unit).map((w) => ({
    name: nodeName(context, w.indicator, lang),
    href: catalogueHref(context, w.indicator),
    now: phrase(w.indicator, columns.raw.get(w.indicator)?.[unit] ?? Number.NaN),
    peerMedian: phrase(w.indicator, w.median, true),
    needed: neededChange(context, unit, w.indicator, w.change, w.median, lang),
  }));
  const rows = options(context, period, unit)
    .slice(0, IMPROVEMENTS_SHOWN)
    .map((option): ImprovementRow => {
      const now = columns.raw.get(option.indicator)?.[unit] ?? Number.NaN;
      const median = peerMedian(context, period, unit, 'raw', option.indicator);
      return {
        name: nodeName(context, option.indicator, lang),
        href: catalogueHref(context, option.indicator),
        now: phrase(option.indicator, now),
        peerMedian: phrase(option.indicator, median, true),
        needed: neededChange(context, unit, option.indicator, value(option.rawChange), median, lang),
        scoreGain: format.signed(value(option.scoreGain)),
        newRank: format.count(value(option.newRank)),
        rankGain: format.count(value(option.rankGain)),
      };
    });
  return {
    weakest: weakest === null ? t.weakestNone : weakestSentence(context, unit, weakest, lang),
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
      cell(value(o.from)),
      cell(value(o.to)),
      cell(value(o.scoreGain)),
      cell(value(o.newScore)),
      cell(value(o.newRank)),
      cell(value(o.rankGain)),
    ]),
  };
}
