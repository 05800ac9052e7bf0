/**
 * The import pages: GET /import shows the upload form; POST /import (multipart/form-data) starts
 * the import as a job with the same use case as the REST API (startImport, which audits it) and
 * redirects to /import/jobs/:id, which refreshes itself until the job is done and then redirects
 * to the batch's validation report at /import/batches/:id. Importing needs data.import (the upload
 * form carries the CSRF token, checked once the body is parsed, and the batch records the
 * logged-in user as its actor); a job is shown only to whoever started it and to admins; reading a
 * batch's report needs data.read.
 */
import express, { Router } from 'express';
import { can } from '../../access/permissions.js';
import { ValidationError } from '../../errors.js';
import { DEFAULT_MAX_BYTES, type IntakeFile } from '../../intake/intake-file.js';
import {
  importFormPage,
  importJobPage,
  importReportExport,
  importReportPage,
} from '../../reports/views/import-pages.js';
import type { Services } from '../../services/services.js';
import { importBatch, importBatches } from '../../services/import-batches.js';
import { batchToReview, reviewBatch } from '../../services/review-batch.js';
import { batchesToReview } from '../../services/batches-to-review.js';
import { reviewQueuePage } from '../../reports/views/review-queue.js';
import { startImport } from '../../services/start-import.js';
import { formText } from './form-fields.js';
import type { JsonValue } from '../../domain/json-value.js';
import type { Views } from '../views.js';
import { assertCsrf, CSRF_FIELD } from '../auth/csrf.js';
import { requirePermission } from '../auth/require-permission.js';
import { templateChoices } from '../../services/data-template.js';
import { templateFormView } from '../../reports/views/template-form.js';
import { requestActor } from '../request-actor.js';
import { renderPage } from './render-page.js';
import { pageLang } from './page-lang.js';
import { parseMultipart } from './multipart.js';
import { oneOf, pageNumber, routeParam } from './page-query.js';
import { EXPORT_FORMATS, sendTable } from './send-table.js';

const OUTCOMES = ['committed', 'failed', 'duplicate'] as const;
const REVIEW_PAGE = 50;

function uploaded(file: { fileName: string; bytes: Buffer } | undefined): IntakeFile {
  if (file === undefined || file.bytes.length === 0) {
    throw new ValidationError(
      { zh: '请选择要导入的文件；没有收到文件。', en: 'choose a file to import; none was sent' },
      [{ where: 'file', message: 'empty' }],
    );
  }
  const fileName = file.fileName.split(/[/\\]/).pop() ?? '';
  if (!/^[^\0]{1,200}$/.test(fileName)) {
    throw new ValidationError('the file needs a plain name', [
      { where: 'file', message: JSON.stringify(fileName) },
    ]);
  }
  return { fileName, bytes: file.bytes };
}

function outcomeOf(result: JsonValue): { batch: string; outcome: string } | undefined {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return undefined;
  const { batch, outcome } = result;
  return typeof batch === 'string' && typeof outcome === 'string' ? { batch, outcome } : undefined;
}

export function importPages(services: Services, views: Views, maxBytes = DEFAULT_MAX_BYTES): Router {
  const router = Router();
  const mayImport = requirePermission('data.import');

  router.get('/import', mayImport, async (req, res) => {
    const lang = pageLang(req, res);
    const batches = await importBatches(services, requestActor(res), { limit: 10 });
    const { registry } = services;
    const choices = await templateChoices(services, requestActor(res));
    const templateForm = templateFormView(registry, 'default', choices, lang);
    const corrects = typeof req.query.corrects === 'string' ? req.query.corrects.slice(0, 100) : '';
    const reviewQueue = can(requestActor(res).role, 'data.confirm') ? '/import/review' : null;
    const page = { ...importFormPage(registry, batches, lang, corrects), templateForm, reviewQueue };
    renderPage(req, res, views, 'import', page);
  });

  router.post(
    '/import',
    mayImport,
    express.raw({ type: 'multipart/form-data', limit: maxBytes + 64 * 1024 }),
    (req, res) => {
      const body: unknown = req.body;
      const form = parseMultipart(
        Buffer.isBuffer(body) ? body : Buffer.alloc(0),
        req.headers['content-type'],
      );
      assertCsrf(req, res, form.fields.get(CSRF_FIELD));
      const file = uploaded(form.files.get('file'));
      const period = (form.fields.get('period') ?? '').trim();
      const framework = form.fields.get('framework');
      const job = startImport(services, requestActor(res), {
        kind: form.fields.get('kind'),
        file,
        period: period === '' ? null : period,
        ...(framework === undefined ? {} : { framework }),
        maxBytes,
        source: form.fields.get('source'),
        corrects: form.fields.get('corrects'),
        reason: form.fields.get('reason'),
      });
      res.redirect(303, `/import/jobs/${encodeURIComponent(job.id)}`);
    },
  );

  router.get('/import/jobs/:id', mayImport, async (req, res) => {
    const lang = pageLang(req, res);
    const job = await services.jobs.read(requestActor(res), routeParam(req.params, 'id'));
    const done = job.status === 'succeeded' ? outcomeOf(job.result) : undefined;
    if (done !== undefined) {
      res.redirect(
        303,
        `/import/batches/${encodeURIComponent(done.batch)}?outcome=${encodeURIComponent(done.outcome)}`,
      );
      return;
    }
    renderPage(req, res, views, 'import-job', importJobPage(job, lang));
  });

  // The batches waiting for the reader's review (services/batches-to-review.ts), 50 a page.
  router.get('/import/review', requirePermission('data.confirm'), async (req, res) => {
    const lang = pageLang(req, res);
    const page = pageNumber(req.query);
    const offset = (page - 1) * REVIEW_PAGE;
    const waiting = await batchesToReview(services, requestActor(res), { limit: REVIEW_PAGE + 1, offset });
    const next = waiting.length > REVIEW_PAGE ? page + 1 : null;
    renderPage(req, res, views, 'import-review', reviewQueuePage(waiting.slice(0, REVIEW_PAGE), lang, next));
  });

  // Readers of data see every batch; a reviewer without data.read (a street's official) the batches
  // of the units directly below their scope (services/review-batch.ts); the use cases check which.
  router.get('/import/batches/:id', requirePermission('reports.read'), async (req, res) => {
    const lang = pageLang(req, res);
    const actor = requestActor(res);
    const id = routeParam(req.params, 'id');
    const { batch, report } = can(actor.role, 'data.read')
      ? await importBatch(services, actor, id)
      : await batchToReview(services, actor, id);
    const format = oneOf(req.query, 'format', EXPORT_FORMATS);
    if (format !== undefined) {
      await sendTable(res, importReportExport(batch, report, lang), format);
      return;
    }
    const outcome = oneOf(req.query, 'outcome', OUTCOMES);
    const mayEvaluate = can(requestActor(res).role, 'evaluations.run');
    const mayConfirm = can(requestActor(res).role, 'data.confirm');
    renderPage(
      req,
      res,
      views,
      'import-report',
      importReportPage(batch, report, outcome, lang, mayEvaluate, mayConfirm),
    );
  });

  // The review forms of a batch page (issue 15): the same use case as the API, then back to the page.
  const mayConfirm = requirePermission('data.confirm');
  router.post('/import/batches/:id/confirm', mayConfirm, async (req, res) => {
    const id = routeParam(req.params, 'id');
    const reason = formText(req, 'reason', 2000).trim();
    await reviewBatch(services, requestActor(res), id, {
      decision: 'confirmed',
      ...(reason === '' ? {} : { reason }),
    });
    res.redirect(303, `/import/batches/${encodeURIComponent(id)}`);
  });
  router.post('/import/batches/:id/return', mayConfirm, async (req, res) => {
    const id = routeParam(req.params, 'id');
    const reason = formText(req, 'reason', 2000);
    await reviewBatch(services, requestActor(res), id, { decision: 'returned', reason });
    res.redirect(303, `/import/batches/${encodeURIComponent(id)}`);
  });

  return router;
}
