/**
 * The evaluation report pages: the list, one evaluation's overview, a unit's report, the comparison
 * of units and the methodology appendix. Each page also answers ?format=csv|xlsx|json&table=… with
 * that table as a file. Handlers narrow the query, ask the view models (server/reports/views) for
 * everything the template shows, and render; no figures are computed here. Every page needs
 * reports.read; drafts need drafts.read (report-access.ts), and a reader with a unit scope sees
 * only their units, in the pages and in every export. A draft's page offers evaluators and admins
 * a delete button (POST /evaluations/:id/delete, evaluations.run).
 */
import { Router, type Request, type Response } from 'express';
import { can } from '../../access/permissions.js';
import type { ExportFormat } from '../../evaluation/export-formats.js';
import { ValidationError } from '../../errors.js';
import type { ReportScope } from '../../reports/context/report-scope.js';
import { deleteDraft } from '../../services/delete-draft.js';
import { publishedLineOf } from '../../services/evaluation-setup.js';
import { publishEvaluation } from '../../services/publish-evaluation.js';
import { reviewDraft } from '../../services/review-draft.js';
import { draftReviewView } from '../../reports/views/draft-review-view.js';
import { label } from '../../reports/i18n/labels.js';
import { newVersionLink, publishForm } from '../../reports/views/evaluator-controls.js';
import { formText } from './form-fields.js';
import { evaluationLine, evaluationsList } from '../../services/read-evaluations.js';
import type { ReportCache } from '../../services/report-cache.js';
import type { ReportContext } from '../../reports/context/report-context.js';
import type { LabelledTable } from '../../reports/export/labelled-table.js';
import type { Lang } from '../../reports/i18n/lang.js';
import { comparePage, compareExport, compareCodes } from '../../reports/views/compare-page.js';
import { distributionExport } from '../../reports/views/distribution-view.js';
import { evaluationsExport, evaluationsPage } from '../../reports/views/evaluations-list.js';
import { leagueExport } from '../../reports/views/league-view.js';
import { levelsPresent } from '../../reports/views/level-options.js';
import { dataQualitySection, withDataQuality } from '../../reports/views/data-quality.js';
import { lineageKey, lineageView, withLineage } from '../../reports/views/lineage.js';
import { batchQualityOf } from '../../services/batch-quality-of.js';
import {
  methodologyExport,
  methodologyPage,
  METHODOLOGY_TABLES,
} from '../../reports/views/methodology-page.js';
import { unitGapExport, withVerification } from '../../reports/views/verification-view.js';
import { periodIndex } from '../../reports/views/period-choice.js';
import {
  naturalDir,
  rankingExport,
  rankingKeys,
  type RankingQuery,
} from '../../reports/views/ranking-table.js';
import { dataWarnings } from '../../reports/views/data-warnings.js';
import { deleteDraftForm } from '../../reports/views/delete-draft-form.js';
import { statisticalAuditLink } from '../../reports/views/statistical-audit-link.js';
import { satisfactionLink } from '../../reports/views/satisfaction-link.js';
import { diagnosisExport } from '../../reports/views/diagnosis-view.js';
import { dimensionExport } from '../../reports/views/dimension-view.js';
import { heatmapExport, heatmapKeys } from '../../reports/views/subunit-heatmap.js';
import { indicatorExport } from '../../reports/views/indicator-table.js';
import { unitIndex } from '../../reports/views/unit-report.js';
import { printDayKey, printTitle, withPrintTitle } from '../../reports/views/print-title.js';
import type { RankingPageParts } from '../../reports/views/report-page-models.js';
import type { RenderPool } from '../../workers/render-pool.js';
import type { SortState } from '../../reports/views/sort-header.js';
import type { Services } from '../../services/services.js';
import type { Views } from '../views.js';
import { requirePermission } from '../auth/require-permission.js';
import { requirePrincipal } from '../auth/principal.js';
import { requestActor } from '../request-actor.js';
import { pageEtag, viewerKey } from './page-etag.js';
import { pageLang } from './page-lang.js';
import { keptQuery, oneOf, pageNumber, text, textList, type Query, routeParam } from './page-query.js';
import { EXPORT_FORMATS, sendTable } from './send-table.js';
import { sendFullResults } from './send-full-results.js';
import { renderPage, renderReportPage } from './render-page.js';
import { assertUnitVisible, readableContext, scopeOf, scopeRootsOf } from './report-access.js';
import { prioritiesSection } from './own-priorities-page.js';

const DIRS = ['asc', 'desc'] as const;

/**
 * Sets the page's validator and returns it; answers 304 (and returns null) when the browser already
 * has this page, which is then not rendered at all.
 */
function validator(
  req: Request,
  res: Response,
  context: ReportContext,
  lang: Lang,
  lineage = '',
): string | null {
  // The day is part of it: a page prints the day it was rendered (print-title.ts).
  const day = printDayKey(new Date());
  const etag = pageEtag(
    `${context.version}${lineage}-${day}`,
    lang,
    req.originalUrl,
    viewerKey(requirePrincipal(res)),
  );
  res.setHeader('ETag', etag);
  if (!req.fresh) return etag;
  res.status(304).end();
  return null;
}

/** The export the query asks for, if any: its format and the table's name among `tables`. */
function exportRequest<T extends string>(
  query: Query,
  tables: readonly T[],
): { format: ExportFormat; table: T } | undefined {
  const format = oneOf(query, 'format', EXPORT_FORMATS);
  if (format === undefined) return undefined;
  const table = oneOf(query, 'table', tables);
  if (table === undefined) {
    throw new ValidationError(`an export needs table=${tables.join('|')}`, [
      { where: 'query.table', message: 'missing' },
    ]);
  }
  return { format, table };
}

/** The ranking the query asks for (the reader's scope apart: it is not plain data). */
function rankingQuery(context: ReportContext, query: Query, scope: ReportScope): Omit<RankingQuery, 'scope'> {
  const levels = levelsPresent(context, scope);
  const sort = oneOf(query, 'sort', rankingKeys(context)) ?? 'rank';
  return {
    period: periodIndex(context.results.periods, text(query, 'period')),
    level:
      oneOf(query, 'level', levels) ??
      (levels.includes('community') ? 'community' : (levels[0] ?? 'community')),
    district: text(query, 'district', 64),
    peer: text(query, 'peer', 100),
    q: text(query, 'q', 100),
    worsening: text(query, 'worsening', 1) === '1',
    sort,
    dir: oneOf(query, 'dir', DIRS) ?? naturalDir(sort),
    page: pageNumber(query),
  };
}

export function evaluationPages(
  services: Services,
  cache: ReportCache,
  views: Views,
  renderPool?: RenderPool,
): Router {
  const router = Router();
  const readReports = requirePermission('reports.read');

  router.get('/evaluations', readReports, async (req, res) => {
    const lang = pageLang(req, res);
    const evaluations = await evaluationsList(services, requestActor(res), { limit: 1000 });
    const wanted = exportRequest(req.query, ['evaluations'] as const);
    if (wanted !== undefined) return sendTable(res, evaluationsExport(evaluations, lang), wanted.format);
    const newEvaluation = can(requestActor(res).role, 'evaluations.run')
      ? { href: '/evaluations/new', label: label(lang, 'newEvaluationLink') }
      : null;
    const page = { ...evaluationsPage(evaluations, lang), newEvaluation };
    renderPage(req, res, views, 'evaluations', page);
  });

  router.get('/evaluations/:id', readReports, async (req, res) => {
    const lang = pageLang(req, res);
    const context = await readableContext(cache, res, routeParam(req.params, 'id'));
    const { items: line } = await evaluationLine(services, requestActor(res), context.evaluation.id);
    const etag = validator(req, res, context, lang, lineageKey(line));
    if (etag === null) return;
    const scope = scopeOf(res, context);
    const query = rankingQuery(context, req.query, scope);
    const wanted = exportRequest(req.query, ['ranking', 'distribution', 'districts', 'results'] as const);
    if (wanted !== undefined) {
      if (wanted.table === 'results') return sendFullResults(res, services, context, wanted.format, scope);
      const table: LabelledTable =
        wanted.table === 'ranking'
          ? rankingExport(context, { ...query, scope }, lang)
          : wanted.table === 'distribution'
            ? distributionExport(context, query.period, query.level, lang, scope)
            : leagueExport(context, query.period, lang, scope);
      return sendTable(res, table, wanted.format);
    }
    const kept = keptQuery(req.query, [
      'period',
      'level',
      'district',
      'peer',
      'q',
      'worsening',
      'sort',
      'dir',
      'page',
    ]);
    const role = requirePrincipal(res).user.role;
    const mayAudit = can(role, 'data.read') && scope.unrestricted;
    const publishedLine =
      context.evaluation.status === 'draft'
        ? await publishedLineOf(services, requestActor(res), context.evaluation)
        : null;
    const review =
      context.evaluation.status === 'draft'
        ? draftReviewView(
            await reviewDraft(services, requestActor(res), context.evaluation),
            context.evaluation,
            lang,
          )
        : null;
    const parts: RankingPageParts = {
      lineage: lineageView(context.evaluation, line, lang, ''),
      printTitle: printTitle(context.evaluation, lang, new Date(), null),
      dataWarnings: dataWarnings(context, lang),
      review,
      publish: publishForm(context.evaluation, publishedLine, lang, can(role, 'evaluations.publish')),
      newVersion: newVersionLink(context.evaluation, line, lang, can(role, 'evaluations.run')),
      deleteDraft: deleteDraftForm(context.evaluation, lang, can(role, 'evaluations.run')),
      statisticalAudit: statisticalAuditLink(context.evaluation.id, lang, mayAudit),
      satisfactionCheck: satisfactionLink(context, lang, scope.unrestricted),
      priorities: await prioritiesSection(services, res, context, req.query, query.period, lang),
    };
    await renderReportPage(req, res, views, renderPool, context, {
      page: 'evaluation',
      lang,
      query,
      kept,
      scopeRoots: scopeRootsOf(res),
      parts,
    });
  });

  // The delete button of a draft's page (CSRF-checked like every page form); back to the list.
  router.post('/evaluations/:id/delete', requirePermission('evaluations.run'), async (req, res) => {
    await deleteDraft({ ...services, reports: cache }, requestActor(res), routeParam(req.params, 'id'));
    res.redirect(303, '/evaluations');
  });

  // The publish form of a draft's page; the reason goes into the audit event. Back to the page.
  router.post('/evaluations/:id/publish', requirePermission('evaluations.publish'), async (req, res) => {
    const id = routeParam(req.params, 'id');
    const reason = formText(req, 'reason', 1000).trim();
    if (reason === '') {
      throw new ValidationError(label(pageLang(req, res), 'publishReasonRequired'), [
        { where: 'reason', message: 'required' },
      ]);
    }
    await publishEvaluation(services, requestActor(res), id, reason);
    res.redirect(303, `/evaluations/${encodeURIComponent(id)}`);
  });

  router.get('/evaluations/:id/units/:code', readReports, async (req, res) => {
    const lang = pageLang(req, res);
    const context = await readableContext(cache, res, routeParam(req.params, 'id'));
    const etag = validator(req, res, context, lang);
    if (etag === null) return;
    const scope = scopeOf(res, context);
    assertUnitVisible(context, scope, routeParam(req.params, 'code'));
    const unit = unitIndex(context, routeParam(req.params, 'code'));
    const period = periodIndex(context.results.periods, text(req.query, 'period'));
    const key = oneOf(req.query, 'sort', heatmapKeys(context)) ?? 'score';
    const sort: SortState = { key, dir: oneOf(req.query, 'dir', DIRS) ?? (key === 'name' ? 'asc' : 'desc') };
    const wanted = exportRequest(req.query, [
      'indicators',
      'dimensions',
      'improvements',
      'subunits',
      'gaps',
    ] as const);
    if (wanted?.table === 'gaps')
      return sendTable(res, unitGapExport(context, routeParam(req.params, 'code'), lang), wanted.format);
    if (wanted !== undefined)
      return sendTable(res, unitTable(context, wanted.table, period, unit, sort, lang), wanted.format);
    const pageQuery = keptQuery(req.query, ['period', 'sort', 'dir']);
    await renderReportPage(req, res, views, renderPool, context, {
      page: 'unit',
      lang,
      unit,
      period,
      sort,
      pageQuery,
      scopeRoots: scopeRootsOf(res),
      printedAt: Date.now(),
    });
  });

  router.get('/evaluations/:id/compare', readReports, async (req, res) => {
    const lang = pageLang(req, res);
    const context = await readableContext(cache, res, routeParam(req.params, 'id'));
    const etag = validator(req, res, context, lang);
    if (etag === null) return;
    // The picker's checkboxes send ?units=A&units=B; the text box one comma-separated value.
    const unitsText = textList(req.query, 'units', 300);
    const codes = compareCodes(unitsText);
    const scope = scopeOf(res, context);
    // A limited reader learns nothing about units outside their scope, not even whether they exist.
    if (!scope.unrestricted) for (const code of codes) assertUnitVisible(context, scope, code);
    const period = periodIndex(context.results.periods, text(req.query, 'period'));
    const wanted = exportRequest(req.query, ['comparison', 'trends'] as const);
    if (wanted !== undefined)
      return sendTable(res, compareExport(context, codes, period, wanted.table, lang), wanted.format);
    const kept = {
      ...(unitsText === undefined ? {} : { units: codes.join(',') }),
      ...keptQuery(req.query, ['period']),
    };
    const page = comparePage(context, lang, codes, period, kept, scope);
    const title = printTitle(context.evaluation, lang, new Date(), null);
    renderPage(req, res, views, 'compare', withPrintTitle(page, title));
  });

  router.get('/evaluations/:id/methodology', readReports, async (req, res) => {
    const lang = pageLang(req, res);
    const context = await readableContext(cache, res, routeParam(req.params, 'id'));
    const { items: line } = await evaluationLine(services, requestActor(res), context.evaluation.id);
    const etag = validator(req, res, context, lang, lineageKey(line));
    if (etag === null) return;
    const wanted = exportRequest(req.query, METHODOLOGY_TABLES);
    if (wanted !== undefined)
      return sendTable(
        res,
        methodologyExport(context, wanted.table, lang, scopeOf(res, context)),
        wanted.format,
      );
    const lineage = lineageView(context.evaluation, line, lang, '/methodology');
    const quality = dataQualitySection(
      await batchQualityOf(services, requestActor(res), context.evaluation),
      lang,
    );
    const page = withPrintTitle(
      withDataQuality(withLineage(methodologyPage(context, lang), lineage), quality),
      printTitle(context.evaluation, lang, new Date(), null),
    );
    const scope = scopeOf(res, context);
    const satisfactionCheck = satisfactionLink(context, lang, scope.unrestricted);
    const model = { ...withVerification(page, context, lang, scope), satisfactionCheck };
    renderPage(req, res, views, 'methodology', model);
  });

  return router;
}

function unitTable(
  context: ReportContext,
  table: 'indicators' | 'dimensions' | 'improvements' | 'subunits',
  period: number,
  unit: number,
  sort: SortState,
  lang: Lang,
): LabelledTable {
  if (table === 'indicators') return indicatorExport(context, period, unit, lang);
  if (table === 'dimensions') return dimensionExport(context, period, unit, lang);
  if (table === 'improvements') return diagnosisExport(context, period, unit, lang);
  return heatmapExport(context, period, unit, sort, lang);
}
