/**
 * The two busiest report pages, an evaluation's ranking page and a unit's report, as functions of a
 * report context and a plain request. The HTTP handler gathers into the request what needs the
 * store or the session (the lineage, the draft's forms, the reader's priorities, who reads); the
 * page's own model is then made here, in the handler's thread or in a render thread that holds the
 * same context (server/workers/render-pool.ts), so both make the same page. A request can be
 * posted to a thread: plain data, the reader's unit scope as its roots, the print time as a number.
 *
 * @example views.render('unit', withAccount(reportPageModel(context, request), viewer, csrf))
 */
import type { ReportContext } from '../context/report-context.js';
import { reportScope } from '../context/report-scope.js';
import type { Lang } from '../i18n/lang.js';
import type { Chrome } from './chrome.js';
import type { dataWarnings } from './data-warnings.js';
import type { deleteDraftForm } from './delete-draft-form.js';
import type { draftReviewView } from './draft-review-view.js';
import { evaluationPage } from './evaluation-page.js';
import type { newVersionLink, publishForm } from './evaluator-controls.js';
import type { QueryValues } from './href.js';
import type { LineageView } from './lineage.js';
import type { PrintTitle } from './print-title.js';
import { printTitle, unitSubject, withPrintTitle } from './print-title.js';
import type { RankingQuery } from './ranking-table.js';
import type { satisfactionLink } from './satisfaction-link.js';
import type { SortState } from './sort-header.js';
import type { statisticalAuditLink } from './statistical-audit-link.js';
import type { PrioritiesSection } from './own-priorities-view.js';
import { unitReportPage } from './unit-report.js';
import { withFields } from './with-fields.js';

/** What the ranking page shows besides the ranking itself, made by its handler. */
export interface RankingPageParts {
  readonly lineage: LineageView;
  readonly printTitle: PrintTitle;
  readonly dataWarnings: ReturnType<typeof dataWarnings>;
  readonly review: ReturnType<typeof draftReviewView> | null;
  readonly publish: ReturnType<typeof publishForm>;
  readonly newVersion: ReturnType<typeof newVersionLink>;
  readonly deleteDraft: ReturnType<typeof deleteDraftForm>;
  readonly statisticalAudit: ReturnType<typeof statisticalAuditLink>;
  readonly satisfactionCheck: ReturnType<typeof satisfactionLink>;
  readonly priorities: PrioritiesSection;
}

export interface RankingPageRequest {
  readonly page: 'evaluation';
  readonly lang: Lang;
  readonly query: Omit<RankingQuery, 'scope'>;
  /** The query values the page's links keep. */
  readonly kept: QueryValues;
  /** The reader's unit scope (user.unitScope): null for every unit. */
  readonly scopeRoots: readonly string[] | null;
  readonly parts: RankingPageParts;
}

export interface UnitPageRequest {
  readonly page: 'unit';
  readonly lang: Lang;
  /** The unit's report index and the period's index. */
  readonly unit: number;
  readonly period: number;
  readonly sort: SortState;
  readonly pageQuery: QueryValues;
  readonly scopeRoots: readonly string[] | null;
  /** When the page is made (ms since the epoch): its print title says so. */
  readonly printedAt: number;
}

export type ReportPageRequest = RankingPageRequest | UnitPageRequest;

/** The page's model, before the reader's account is added (withAccount). */
export function reportPageModel(context: ReportContext, request: ReportPageRequest): Chrome {
  const scope = reportScope(context, request.scopeRoots);
  const { lang } = request;
  if (request.page === 'evaluation') {
    return withFields(
      evaluationPage(context, lang, withFields(request.query, { scope }), request.kept),
      request.parts,
    );
  }
  const { unit, period, sort, pageQuery } = request;
  const page = unitReportPage(context, lang, { unit, period, sort, pageQuery, scope });
  const subject = unitSubject(page.unitName, page.code, lang);
  return withPrintTitle(page, printTitle(context.evaluation, lang, new Date(request.printedAt), subject));
}
