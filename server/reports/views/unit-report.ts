/**
 * The view model of /evaluations/:id/units/:code, the report an official reads about one unit:
 * summary and ranks, rank interval, dimensions against the peer group (radar and table), the
 * weakest-link diagnosis, the indicator table with the legend of its lights and arrows, the sub-units
 * heat map, with export links for every table and links to the other periods, the parent unit and
 * the comparison page. Units above the
 * reader's scope are named in the breadcrumbs but not linked (their pages would answer 404).
 */
import { unitGapView, type UnitGapView } from './verification-view.js';
import { unitProgressView, type UnitProgressView } from './progress-view.js';
import { NotFoundError } from '../../errors.js';
import type { ReportContext } from '../context/report-context.js';
import { EVERY_UNIT, type ReportScope } from '../context/report-scope.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { numberFormat } from '../format/number-format.js';
import { pageChrome, type Chrome } from './chrome.js';
import { diagnosisView, type DiagnosisView } from './diagnosis-view.js';
import { dimensionView, type DimensionView } from './dimension-view.js';
import { evaluationTitle } from './evaluation-title.js';
import { exportLinks, type ExportLink } from './export-links.js';
import { expectedUnit, type ExpectedUnitView } from './expected-unit.js';
import { href, type QueryValues } from './href.js';
import { heatmapView, type HeatmapView } from './subunit-heatmap.js';
import { indicatorTable, type IndicatorGroup } from './indicator-table.js';
import { lightLegend, type LightLegend } from './light-legend.js';
import { periodLinks, type PeriodLink } from './period-links.js';
import type { SortState } from './sort-header.js';
import { unitSummary, type UnitSummary } from './unit-summary.js';
import { unitTrend, type UnitTrend } from './unit-trend.js';
import { unitPeers, type UnitPeers } from './unit-peers.js';
import { unitSurveys, type UnitSurveysView } from './unit-surveys.js';
import { unitHref, unitName } from './unit-names.js';
import { withFields } from './with-fields.js';

export interface Crumb {
  readonly name: string;
  /** null for a unit outside the reader's scope. */
  readonly href: string | null;
}

export interface UnitReportPage extends Chrome {
  readonly heading: string;
  readonly unitName: string;
  readonly code: string;
  readonly levelLabel: string;
  readonly peerGroupLabel: string;
  readonly population: string;
  readonly evaluationTitle: string;
  readonly evaluationHref: string;
  readonly crumbs: readonly Crumb[];
  readonly period: string;
  readonly periods: readonly PeriodLink[];
  readonly summary: UnitSummary;
  readonly dimensions: DimensionView;
  readonly dimensionExports: readonly ExportLink[];
  readonly diagnosis: DiagnosisView;
  readonly improvementExports: readonly ExportLink[];
  readonly lightLegend: LightLegend;
  readonly indicators: readonly IndicatorGroup[];
  readonly indicatorExports: readonly ExportLink[];
  readonly subunits: HeatmapView;
  readonly subunitExports: readonly ExportLink[];
  readonly compareHref: string;
  /** The unit's index score and rank over the evaluation's periods. */
  readonly trend: UnitTrend;
  /** The unit's progress category per indicator and node since the base period (scored units only). */
  readonly progress: UnitProgressView | null;
  /** Its score against the score expected from its structural attributes (base units only). */
  readonly expected: ExpectedUnitView | null;
  /** Which peer definition the medians come from; the statistical neighbours when chosen. */
  readonly peers: UnitPeers;
  /** The residents' survey estimates of the unit in the period (null without survey indicators). */
  readonly surveys: UnitSurveysView | null;
  /** Its own figures against the checked ones, when a street or a third party checked it (issue 15). */
  readonly gaps: UnitGapView | null;
}

/** The report index of a unit code, or a 404 naming it. */
export function unitIndex(context: ReportContext, code: string): number {
  const index = context.units.index.get(code);
  if (index === undefined)
    throw new NotFoundError(`unit ${code} is not part of evaluation ${context.evaluation.id}`);
  return index;
}

export function unitReportPage(
  context: ReportContext,
  lang: Lang,
  input: {
    readonly unit: number;
    readonly period: number;
    readonly sort: SortState;
    readonly pageQuery: QueryValues;
    readonly scope?: ReportScope;
  },
): UnitReportPage {
  const t = labelsFor(lang);
  const { units, results, evaluation } = context;
  const { unit, period, sort, pageQuery } = input;
  const scope = input.scope ?? EVERY_UNIT;
  const code = units.codes[unit] ?? '';
  const name = unitName(units, unit, lang);
  const path = unitHref(evaluation.id, code);
  const crumbs: Crumb[] = [];
  for (
    let p = units.parents[unit] ?? -1;
    p >= 0 && crumbs.length < units.codes.length;
    p = units.parents[p] ?? -1
  ) {
    crumbs.unshift({
      name: unitName(units, p, lang),
      href: scope.allows(p) ? unitHref(evaluation.id, units.codes[p] ?? '') : null,
    });
  }
  const periodId = results.periods[period] ?? '';
  const heading = fill(t.unitReportTitle, { unit: name });
  const evaluationPath = `/evaluations/${encodeURIComponent(evaluation.id)}`;
  return withFields(
    pageChrome(lang, { path, query: pageQuery, title: heading, section: 'evaluations', charts: true }),
    {
      heading,
      unitName: name,
      code,
      levelLabel: labelOf(lang, 'level', units.levels[unit] ?? 'community'),
      peerGroupLabel: labelOf(lang, 'peer', units.peerGroups[unit] ?? 'all'),
      population: numberFormat(lang).count(units.populations[unit] ?? Number.NaN),
      evaluationTitle: evaluationTitle(evaluation, lang),
      evaluationHref: href(evaluationPath, { period: periodId }),
      crumbs,
      period: periodId,
      periods: periodLinks(results.periods, period, (p) => href(path, { period: p })),
      summary: unitSummary(context, period, unit, lang),
      dimensions: dimensionView(context, period, unit, lang),
      dimensionExports: exportLinks(path, { period: periodId }, 'dimensions'),
      diagnosis: diagnosisView(context, period, unit, lang),
      improvementExports: exportLinks(path, { period: periodId }, 'improvements'),
      lightLegend: lightLegend(
        lang,
        `/indicators?framework=${encodeURIComponent(context.snapshot.framework.id)}`,
      ),
      indicators: indicatorTable(context, period, unit, lang),
      indicatorExports: exportLinks(path, { period: periodId }, 'indicators'),
      subunits: heatmapView(
        context,
        period,
        unit,
        sort,
        lang,
        (key, dir) => `${href(path, pageQuery, { sort: key, dir })}#subunits`,
      ),
      subunitExports: exportLinks(path, pageQuery, 'subunits'),
      compareHref: href(`${evaluationPath}/compare`, { units: code }),
      trend: unitTrend(context, unit, lang),
      progress: unitProgressView(context, unit, period, lang),
      expected: expectedUnit(context, period, unit, lang),
      peers: unitPeers(context, period, unit, lang, scope),
      surveys: unitSurveys(context, period, unit, lang),
      gaps: unitGapView(context, code, lang),
    },
  );
}
