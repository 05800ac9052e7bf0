/**
 * Imports over HTTP: POST /api/v1/imports?kind=units|observations[&period=P][&framework=F] with
 * the file as the raw request body (any content type; the content decides the format) and its
 * name in ?filename=; answers 202 with a job. GET lists batches, reads one, and its validation
 * report as JSON or, with ?format=csv, as a CSV download (formula-neutralised cells).
 */
import express, { Router } from 'express';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { Registry } from '../../indicators/registry-types.js';
import { importObservationsFile } from '../../intake/import-observations-file.js';
import { importUnitsFile } from '../../intake/import-units-file.js';
import { DEFAULT_MAX_BYTES, type IntakeFile } from '../../intake/intake-file.js';
import { reportCsv } from '../../intake/report-csv.js';
import type { JobRunner } from '../../jobs/job-runner.js';
import type { IntakeResult } from '../../intake/import-observations-file.js';
import type { JsonValue, Store } from '../../store/store.js';
import { envelope, pagingOf, textParam } from './paging.js';

function uploadedFile(body: unknown, fileName: string | undefined): IntakeFile {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new ValidationError('send the file as the request body; it was empty', [
      { where: 'body', message: 'empty' },
    ]);
  }
  const name = fileName ?? 'upload';
  if (!/^[^/\\\0]{1,200}$/.test(name)) {
    throw new ValidationError('filename must be a plain file name without folders', [
      { where: 'query.filename', message: `found ${JSON.stringify(name)}` },
    ]);
  }
  return { fileName: name, bytes: body };
}

function summary(result: IntakeResult): JsonValue {
  return { outcome: result.outcome, batch: result.batch.id, status: result.batch.status };
}

export function importsRouter(
  store: Store,
  registry: Registry,
  jobs: JobRunner,
  maxBytes = DEFAULT_MAX_BYTES,
): Router {
  const router = Router();
  router.post('/imports', express.raw({ type: () => true, limit: maxBytes }), (req, res) => {
    const query = req.query as Record<string, unknown>;
    const kind = textParam(query, 'kind');
    const file = uploadedFile(req.body, textParam(query, 'filename'));
    let job;
    if (kind === 'units') {
      job = jobs.start('import-units', async (progress) =>
        summary(
          await importUnitsFile(store, file, {
            actor: 'api',
            maxBytes,
            onProgress: (stage, done, total) => {
              progress(done, total, stage);
            },
          }),
        ),
      );
    } else if (kind === 'observations') {
      const framework = registry.resolveFramework(textParam(query, 'framework') ?? 'default');
      const period = textParam(query, 'period') ?? null;
      job = jobs.start('import-observations', async (progress) =>
        summary(
          await importObservationsFile(store, file, {
            variables: framework.variables,
            period,
            actor: 'api',
            maxBytes,
            onProgress: (stage, done, total) => {
              progress(done, total, stage);
            },
          }),
        ),
      );
    } else {
      throw new ValidationError('query parameter kind must be units or observations', [
        { where: 'query.kind', message: `found ${JSON.stringify(kind)}` },
      ]);
    }
    res.status(202).location(`/api/v1/jobs/${job.id}`).json(job);
  });
  router.get('/imports', async (req, res) => {
    const paging = pagingOf(req.query);
    res.json(envelope(await store.imports.list({ limit: paging.limit + 1, offset: paging.offset }), paging));
  });
  router.get('/imports/:id', async (req, res) => {
    const batch = await store.imports.get(req.params.id);
    if (batch === undefined) throw new NotFoundError(`no import batch ${req.params.id}`);
    res.json(batch);
  });
  router.get('/imports/:id/report', async (req, res) => {
    const report = await store.imports.report(req.params.id);
    if (report === undefined)
      throw new NotFoundError(`import batch ${req.params.id} has no validation report`);
    if (textParam(req.query, 'format') === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`import-${req.params.id}-report.csv`)
        .send(reportCsv(report));
    } else {
      res.json(report);
    }
  });
  return router;
}
