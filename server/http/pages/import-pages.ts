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
import { startImport } from '../../services/start-import.js';
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
import { oneOf, routeParam } from './page-query.js';
import { EXPORT_FORMATS, sendTable } from './send-table.js';

const OUTCOMES = ['committed', 'failed', 'duplicate'] as const;

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
    const page = { ...importFormPage(registry, batches, lang), templateForm };
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

  router.get('/import/batches/:id', requirePermission('data.read'), async (req, res) => {
    const lang = pageLang(req, res);
    const { batch, report } = await importBatch(services, requestActor(res), routeParam(req.params, 'id'));
    const format = oneOf(req.query, 'format', EXPORT_FORMATS);
    if (format !== undefined) {
      await sendTable(res, importReportExport(batch, report, lang), format);
      return;
    }
    const outcome = oneOf(req.query, 'outcome', OUTCOMES);
    const mayEvaluate = can(requestActor(res).role, 'evaluations.run');
    renderPage(req, res, views, 'import-report', importReportPage(batch, report, outcome, lang, mayEvaluate));
  });

  return router;
}
