/**
 * The view model of /evaluations/:id: the evaluation's heading and periods, the ranking table with
 * its filters, the distribution of scores (chart and table), the districts' league table, the
 * methodology summary, and export links for each table. The query's scope limits the ranking, the
 * distribution and the league table to the units the reader may see. The sections that do not depend
 * on the ranking's filters, sorting or page also come as objects memoised per context (`…Section`),
 * which the template renders once each (`{{#keep}}`, server/http/kept-blocks.ts).
 */
import type { ReportContext } from '../context/report-context.js';
import { EVERY_UNIT } from '../context/report-scope.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor, type Labels } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';
import { pageChrome, type Chrome } from './chrome.js';
import { distributionView, type DistributionView } from './distribution-view.js';
import { evaluationTitle } from './evaluation-title.js';
import { exportLinks, type ExportLink } from './export-links.js';
import { href, type QueryValues } from './href.js';
import { leagueView, type LeagueView } from './league-view.js';
import { methodologySummary } from './methodology-summary.js';
import { periodLinks, type PeriodLink } from './period-links.js';
import { progressCountsView, type ProgressCountsView } from './progress-view.js';
import { rankingView, type RankingQuery, type RankingView } from './ranking-table.js';
import { withFields } from './with-fields.js';

export interface EvaluationPage extends Chrome {
  readonly heading: string;
  readonly subheading: string;
  readonly statusLabel: string;
  readonly draft: boolean;
  readonly path: string;
  readonly period: string;
  readonly periods: readonly PeriodLink[];
  readonly ranking: RankingView;
  readonly rankingExports: readonly ExportLink[];
  readonly distribution: DistributionView;
  readonly distributionExports: readonly ExportLink[];
  readonly league: LeagueView;
  readonly hasLeague: boolean;
  readonly leagueExports: readonly ExportLink[];
  readonly summary: readonly string[];
  readonly methodologyHref: string;
  readonly compareHref: string;
  readonly resultsExports: readonly ExportLink[];
  /** Units per progress category and indicator (readers of every unit only: the counts span them all). */
  readonly progress: ProgressCountsView | null;
  /** The districts' table with its heading and exports: one object per period, language and scope. */
  readonly leagueSection: LeagueSection;
  /** The distribution's chart and table: one object per period, level, language and scope. */
  readonly distributionSection: DistributionSection;
  /** The progress counts: one object per period and language; null where `progress` is. */
  readonly progressSection: ProgressSection | null;
}

/** What the districts' section of the template shows, and nothing else (its @root when kept). */
export interface LeagueSection {
  readonly t: Labels;
  readonly period: string;
  readonly league: LeagueView;
  readonly leagueExports: readonly ExportLink[];
}

export interface DistributionSection {
  readonly t: Labels;
  readonly distribution: DistributionView;
}

export interface ProgressSection {
  readonly period: string;
  readonly progress: ProgressCountsView;
}

export function evaluationPage(
  context: ReportContext,
  lang: Lang,
  query: RankingQuery,
  pageQuery: QueryValues,
): EvaluationPage {
  const { evaluation, results, snapshot } = context;
  const path = `/evaluations/${encodeURIComponent(evaluation.id)}`;
  const period = results.periods[query.period] ?? '';
  const heading = evaluationTitle(evaluation, lang);
  const scope = query.scope ?? EVERY_UNIT;
  // Neither depends on the ranking's filters, sorting or page: built once per period, language and scope.
  const league = context.memo(`leagueView\n${query.period}\n${lang}\n${scope.key}`, () =>
    leagueView(context, query.period, lang, scope, `${href(path, { period, level: 'district' })}#ranking`),
  );
  const distribution = context.memo(
    `distributionView\n${query.period}\n${query.level}\n${lang}\n${scope.key}`,
    () => distributionView(context, query.period, query.level, lang, scope),
  );
  const summary = context.memo(`summary\n${query.period}\n${lang}`, () =>
    methodologySummary(context, query.period, lang),
  );
  const progress = scope.unrestricted
    ? context.memo(`progressCounts\n${query.period}\n${lang}`, () =>
        progressCountsView(context, query.period, lang),
      )
    : null;
  const t = labelsFor(lang);
  const leagueSection = context.memo(
    `leagueSection\n${query.period}\n${lang}\n${scope.key}`,
    (): LeagueSection => ({ t, period, league, leagueExports: exportLinks(path, { period }, 'districts') }),
  );
  const distributionSection = context.memo(
    `distributionSection\n${query.period}\n${query.level}\n${lang}\n${scope.key}`,
    (): DistributionSection => ({ t, distribution }),
  );
  const progressSection =
    progress === null
      ? null
      : context.memo(`progressSection\n${query.period}\n${lang}`, (): ProgressSection => ({
          period,
          progress,
        }));
  return withFields(
    pageChrome(lang, { path, query: pageQuery, title: heading, section: 'evaluations', charts: true }),
    {
      heading,
      subheading: `${pick(snapshot.framework.name, lang)} ${snapshot.framework.version} · ${results.periods.join(' / ')}`,
      statusLabel: labelOf(lang, 'status', evaluation.status),
      draft: evaluation.status === 'draft',
      path,
      period,
      periods: periodLinks(results.periods, query.period, (p) => href(path, { period: p })),
      ranking: rankingView(context, query, lang, path, pageQuery),
      rankingExports: exportLinks(path, pageQuery, 'ranking'),
      distribution,
      distributionExports: exportLinks(path, pageQuery, 'distribution'),
      league,
      hasLeague: league.rows.length > 0,
      leagueExports: leagueSection.leagueExports,
      summary,
      methodologyHref: `${path}/methodology`,
      compareHref: `${path}/compare`,
      resultsExports: exportLinks(path, {}, 'results'),
      progress,
      leagueSection,
      distributionSection,
      progressSection,
    },
  );
}
