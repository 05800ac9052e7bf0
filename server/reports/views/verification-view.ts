/**
 * View models of "who evaluates" on the report pages (issue 15): the sources an evaluation counted
 * and their order (methodology), the units with the largest habitual gap between their own figures
 * and the checked ones (methodology table and its exports), and one unit's gaps (unit page). The
 * engine computed every figure (verification-document.ts); this only selects, labels and formats,
 * and shows a reader with a unit scope their units only.
 *
 * @example gapTable(context, 'zh', scope).rows[0] // { name, compared: '9', overstated: '6', median: '8.0%' }
 */
import { DEFAULT_SOURCE_ORDER, isDataSource, type DataSource } from '../../domain/data-source.js';
import type { VerifiedUnit } from '../../evaluation/verification-document.js';
import type { ReportContext } from '../context/report-context.js';
import { scopeAllowsCode, type ReportScope } from '../context/report-scope.js';
import { cell, type LabelledTable } from '../export/labelled-table.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { statusOf } from '../../evaluation/value-statuses.js';
import { statusMarker, type StatusMarker } from './batch-verification.js';
import { exportLinks, type ExportLink } from './export-links.js';
import { nodeName } from './node-names.js';
import { unitHref, unitName } from './unit-names.js';
import { withFields } from './with-fields.js';

/** Units listed on the methodology page; the exports hold every checked unit. */
export const GAPS_SHOWN = 20;

/** The sources the evaluation counted, most preferred first (the default for evaluations stored without). */
export function sourceOrder(context: ReportContext): readonly DataSource[] {
  const { methods } = context.evaluation;
  const stored =
    typeof methods === 'object' && methods !== null && !Array.isArray(methods) ? methods.sources : undefined;
  return Array.isArray(stored) && stored.every(isDataSource) ? stored : DEFAULT_SOURCE_ORDER;
}

export interface SourceOrderView {
  readonly title: string;
  readonly text: string;
  readonly items: readonly string[];
}

export function sourceOrderView(context: ReportContext, lang: Lang): SourceOrderView {
  const t = labelsFor(lang);
  return {
    title: t.methodologySources,
    text: t.methodologySourcesText,
    items: sourceOrder(context).map((source) => labelOf(lang, 'source', source)),
  };
}

function visibleUnits(context: ReportContext, scope: ReportScope): VerifiedUnit[] {
  return (context.verification?.units ?? []).filter((u) => scopeAllowsCode(context, scope, u.code));
}

export interface GapRow {
  readonly name: string;
  readonly href: string;
  readonly compared: string;
  readonly overstated: string;
  readonly understated: string;
  readonly median: string;
}

export interface GapTable {
  readonly title: string;
  readonly intro: string;
  readonly shown: string | null;
  readonly rows: readonly GapRow[];
}

/** The checked units with the largest habitual gap first; null when nobody checked anything. */
export function gapTable(context: ReportContext, lang: Lang, scope: ReportScope): GapTable | null {
  if (context.verification === null) return null;
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const units = visibleUnits(context, scope);
  return {
    title: t.gapTitle,
    intro: t.gapIntro,
    shown:
      units.length > GAPS_SHOWN
        ? fill(t.gapShown, { shown: format.count(GAPS_SHOWN), total: format.count(units.length) })
        : null,
    rows: units.slice(0, GAPS_SHOWN).map((u) => ({
      name: unitName(context.units, context.units.index.get(u.code) ?? -1, lang),
      href: unitHref(context.evaluation.id, u.code),
      compared: format.count(u.compared),
      overstated: format.count(u.overstated),
      understated: format.count(u.understated),
      median: format.share(u.medianRelativeGap ?? Number.NaN),
    })),
  };
}

export function gapExport(context: ReportContext, lang: Lang, scope: ReportScope): LabelledTable {
  const t = labelsFor(lang);
  return {
    name: `verification-gaps-${context.evaluation.id}`,
    ids: ['unit', 'name', 'compared', 'overstated', 'understated', 'median_relative_gap'],
    labels: [
      t.colCode,
      t.gapColUnit,
      t.gapColCompared,
      t.gapColOverstated,
      t.gapColUnderstated,
      t.gapColMedian,
    ],
    rows: visibleUnits(context, scope).map((u) => [
      u.code,
      unitName(context.units, context.units.index.get(u.code) ?? -1, lang),
      u.compared,
      u.overstated,
      u.understated,
      cell(u.medianRelativeGap ?? Number.NaN),
    ]),
  };
}

export interface UnitGapView {
  readonly title: string;
  readonly summary: string;
  readonly exports: readonly ExportLink[];
  readonly rows: readonly {
    readonly indicator: string;
    readonly period: string;
    readonly self: string;
    readonly verified: string;
    readonly relative: string;
  }[];
}

/** One unit's gaps, when a street or a third party checked it; null otherwise. */
export function unitGapView(context: ReportContext, code: string, lang: Lang): UnitGapView | null {
  const unit = context.verification?.units.find((u) => u.code === code);
  if (unit === undefined) return null;
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  return {
    title: t.gapTitle,
    summary: fill(t.gapUnitSummary, {
      compared: format.count(unit.compared),
      overstated: format.count(unit.overstated),
      understated: format.count(unit.understated),
      median: format.share(unit.medianRelativeGap ?? Number.NaN),
    }),
    rows: unit.gaps.map((g) => ({
      indicator: nodeName(context, g.indicator, lang),
      period: g.period,
      self: format.raw(g.self),
      verified: format.raw(g.verified),
      relative: format.share(g.relative ?? Number.NaN),
    })),
    exports: exportLinks(unitHref(context.evaluation.id, code), {}, 'gaps'),
  };
}

/** One unit's compared values, for its page's exports (no rows when nobody checked it). */
export function unitGapExport(context: ReportContext, code: string, lang: Lang): LabelledTable {
  const t = labelsFor(lang);
  const unit = context.verification?.units.find((u) => u.code === code);
  return {
    name: `verification-gaps-${code}-${context.evaluation.id}`,
    ids: ['indicator', 'period', 'self', 'verified', 'relative_gap'],
    labels: [t.gapColIndicator, t.gapColPeriod, t.gapColSelf, t.gapColVerified, t.gapColRelative],
    rows: (unit?.gaps ?? []).map((g) => [
      g.indicator,
      g.period,
      g.self,
      g.verified,
      cell(g.relative ?? Number.NaN),
    ]),
  };
}

export interface VerificationSection {
  readonly sources: SourceOrderView;
  readonly gaps: GapTable | null;
}

/** Adds the sources and the gap table to a page (the methodology appendix). */
export function withVerification<T extends object>(
  page: T,
  context: ReportContext,
  lang: Lang,
  scope: ReportScope,
): T & { readonly verification: VerificationSection } {
  return withFields(page, {
    verification: { sources: sourceOrderView(context, lang), gaps: gapTable(context, lang, scope) },
  });
}

/** The status marker of one indicator value of a base unit; null for results without statuses or above the base units. */
export function indicatorStatusMarker(
  context: ReportContext,
  period: number,
  unit: number,
  indicator: string,
  lang: Lang,
): StatusMarker | null {
  const statuses = context.valueStatuses;
  const periodId = context.results.periods[period];
  const code = context.units.codes[unit];
  if (statuses === null || periodId === undefined || code === undefined || unit >= context.units.baseCount)
    return null;
  return statusMarker(statusOf(statuses, periodId, code, indicator), lang);
}
