/**
 * The import pages: GET /import shows the upload form; POST /import (multipart/form-data) starts
 * the import as a job with the same intake functions as the REST API (importUnitsFile,
 * importObservationsFile) and redirects to /import/jobs/:id, which refreshes itself until the job
 * is done and then redirects to the batch's validation report at /import/batches/:id. Importing
 * needs data.import (the upload form carries the CSRF token, checked once the body is parsed, and
 * the batch records the logged-in user as its actor); reading a batch's report needs data.read.
 */
import express, { Router } from 'express';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { Registry } from '../../indicators/registry-types.js';
import { importObservationsFile, type IntakeResult } from '../../intake/import-observations-file.js';
import { importUnitsFile } from '../../intake/import-units-file.js';
import { DEFAULT_MAX_BYTES, type IntakeFile } from '../../intake/intake-file.js';
import type { JobRunner } from '../../jobs/job-runner.js';
import {
  importFormPage,
  importJobPage,
  importReportExport,
  importReportPage,
} from '../../reports/views/import-pages.js';
import type { JsonValue, Store } from '../../store/store.js';
import type { Views } from '../views.js';
import { assertCsrf, CSRF_FIELD } from '../auth/csrf.js';
import { actorOf } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import { renderPage } from './render-page.js';
import { pageLang } from './page-lang.js';
import { parseMultipart } from './multipart.js';
import { oneOf, routeParam } from './page-query.js';
import { EXPORT_FORMATS, sendTable } from './send-table.js';

const OUTCOMES = ['committed', 'failed', 'duplicate'] as const;

function summary(result: IntakeResult): JsonValue {
  return { outcome: result.outcome, batch: result.batch.id };
}

function uploaded(file: { fileName: string; bytes: Buffer } | undefined): IntakeFile {
  if (file === undefined || file.bytes.length === 0) {
    throw new ValidationError('choose a file to import; none was sent', [
      { where: 'file', message: 'empty' },
    ]);
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

export function importPages(
  store: Store,
  registry: Registry,
  jobs: JobRunner,
  views: Views,
  maxBytes = DEFAULT_MAX_BYTES,
): Router {
  const router = Router();
  const mayImport = requirePermission('data.import');

  router.get('/import', mayImport, async (req, res) => {
    const lang = pageLang(req, res);
    const batches = await store.imports.list({ limit: 10 });
    renderPage(req, res, views, 'import', importFormPage(registry, batches, lang));
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
      const actor = actorOf(res);
      const file = uploaded(form.files.get('file'));
      const kind = form.fields.get('kind');
      const period = (form.fields.get('period') ?? '').trim();
      const onProgress =
        (progress: (done: number, total: number, step: string) => void) =>
        (stage: string, done: number, total: number): void => {
          progress(done, total, stage);
        };
      let job;
      if (kind === 'units') {
        job = jobs.start('import-units', async (progress) =>
          summary(await importUnitsFile(store, file, { actor, maxBytes, onProgress: onProgress(progress) })),
        );
      } else if (kind === 'observations') {
        const framework = registry.resolveFramework(form.fields.get('framework') ?? 'default');
        job = jobs.start('import-observations', async (progress) =>
          summary(
            await importObservationsFile(store, file, {
              variables: framework.variables,
              rules: framework.rules,
              jumps: framework.definition.jumps,
              period: period === '' ? null : period,
              actor,
              maxBytes,
              onProgress: onProgress(progress),
            }),
          ),
        );
      } else {
        throw new ValidationError('choose what to import: units or observations', [
          { where: 'kind', message: `found ${JSON.stringify(kind ?? '')}` },
        ]);
      }
      res.redirect(303, `/import/jobs/${encodeURIComponent(job.id)}`);
    },
  );

  router.get('/import/jobs/:id', mayImport, (req, res) => {
    const lang = pageLang(req, res);
    const job = jobs.get(routeParam(req.params, 'id'));
    if (job === undefined) throw new NotFoundError(`no import job ${routeParam(req.params, 'id')}`);
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
    const batch = await store.imports.get(routeParam(req.params, 'id'));
    if (batch === undefined) throw new NotFoundError(`no import batch ${routeParam(req.params, 'id')}`);
    const report = await store.imports.report(batch.id);
    const format = oneOf(req.query, 'format', EXPORT_FORMATS);
    if (format !== undefined) {
      await sendTable(res, importReportExport(batch, report, lang), format);
      return;
    }
    const outcome = oneOf(req.query, 'outcome', OUTCOMES);
    renderPage(req, res, views, 'import-report', importReportPage(batch, report, outcome, lang));
  });

  return router;
}
