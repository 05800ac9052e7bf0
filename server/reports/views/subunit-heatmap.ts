/**
 * A unit's sub-units (a district's streets, a street's communities) as a heat-map table: index and
 * dimension scores shaded by score (heat-0 … heat-9, a colour-blind-safe blue scale, the number
 * always printed), sortable by name or any score through query parameters.
 */
import { heatClass } from '../format/heat-class.js';
import type { ReportContext } from '../context/report-context.js';
import { cell, type LabelledTable } from '../export/labelled-table.js';
import { numberFormat } from '../format/number-format.js';
import { LOCALES, type Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';
import { nodeName } from './node-names.js';
import { sortedByText, sortedByValue, walk } from './sorted-members.js';
import { sortHeader, type SortDir, type SortHeader, type SortState } from './sort-header.js';
import { unitHref, unitName } from './unit-names.js';

export interface HeatCell {
  readonly text: string;
  /** The score as a plain number for the in-page sort ('' when missing). */
  readonly value: string;
  readonly css: string;
}

export interface HeatRow {
  readonly name: string;
  readonly href: string;
  readonly code: string;
  readonly rank: string;
  readonly cells: readonly HeatCell[];
}

export interface HeatmapView {
  readonly headers: readonly SortHeader[];
  readonly rows: readonly HeatRow[];
  readonly empty: boolean;
}

export function heatmapKeys(context: ReportContext): string[] {
  return ['name', 'score', ...context.dimensions];
}

function ordered(
  context: ReportContext,
  period: number,
  unit: number,
  sort: SortState,
  lang: Lang,
): number[] {
  const children = context.units.children[unit] ?? [];
  const columns = context.period(period);
  const sorted =
    sort.key === 'name'
      ? sortedByText(children, (u) => unitName(context.units, u, lang), new Intl.Collator(LOCALES[lang]))
      : sortedByValue(
          children,
          (u) =>
            columns.scores.get(sort.key === 'score' ? context.results.root : sort.key)?.[u] ?? Number.NaN,
        );
  return [...walk(sorted, sort.dir)];
}

export function heatmapView(
  context: ReportContext,
  period: number,
  unit: number,
  sort: SortState,
  lang: Lang,
  link: (key: string, dir: SortDir) => string,
): HeatmapView {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const columns = context.period(period);
  const nodes = [context.results.root, ...context.dimensions];
  const rows = ordered(context, period, unit, sort, lang).map((child) => {
    const code = context.units.codes[child] ?? '';
    return {
      name: unitName(context.units, child, lang),
      href: unitHref(context.evaluation.id, code),
      code,
      rank: format.count(columns.ranks.get(context.results.root)?.[child] ?? Number.NaN),
      cells: nodes.map((node) => {
        const score = columns.scores.get(node)?.[child] ?? Number.NaN;
        const shade = heatClass(score);
        return {
          text: format.score(score),
          value: Number.isFinite(score) ? String(score) : '',
          css: shade === null ? 'heat-none' : `heat-${shade}`,
        };
      }),
    };
  });
  return {
    headers: [
      sortHeader(t.colUnit, 'name', sort, 'asc', link),
      sortHeader(t.colIndex, 'score', sort, 'desc', link),
      ...context.dimensions.map((d) => sortHeader(nodeName(context, d, lang), d, sort, 'desc', link)),
    ],
    rows,
    empty: rows.length === 0,
  };
}

export function heatmapExport(
  context: ReportContext,
  period: number,
  unit: number,
  sort: SortState,
  lang: Lang,
): LabelledTable {
  const t = labelsFor(lang);
  const columns = context.period(period);
  const nodes = [context.results.root, ...context.dimensions];
  return {
    name: `subunits-${context.units.codes[unit] ?? ''}-${columns.period}`,
    ids: ['code', 'name', 'rank', 'score', ...context.dimensions],
    labels: [
      t.colCode,
      t.colUnit,
      t.colRank,
      t.colIndex,
      ...context.dimensions.map((d) => nodeName(context, d, lang)),
    ],
    rows: ordered(context, period, unit, sort, lang).map((child) => [
      context.units.codes[child] ?? '',
      unitName(context.units, child, lang),
      cell(columns.ranks.get(context.results.root)?.[child] ?? Number.NaN),
      ...nodes.map((node) => cell(columns.scores.get(node)?.[child] ?? Number.NaN)),
    ]),
  };
}
