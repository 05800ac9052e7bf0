/**
 * The weakest-link diagnosis (短板) of a unit: its weakest dimension against the peer median, and
 * the indicators whose rise to the peer-group median would lift its rank most — the raw value now,
 * the peer median, the change needed in the indicator's own unit, and the index score and rank it
 * would bring (improvementOptions).
 */
import { isRowMethod } from '../compute/aggregate-row.js';
import { improvementOptions, type ImprovementOption } from '../compute/improvement-options.js';
import { weakestDimension } from '../compute/weakest-dimension.js';
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

export const IMPROVEMENTS_SHOWN = 5;

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

export interface DiagnosisView {
  readonly weakest: string;
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
  return `/indicators?framework=${encodeURIComponent(context.snapshot.framework.id)}#${encodeURIComponent(indicator)}`;
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
  const weakest = weakestDimension(
    context.dimensions,
    (d) => columns.scores.get(d)?.[unit] ?? Number.NaN,
    (d) => peerMedian(context, period, unit, 'scores', d),
  );
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
