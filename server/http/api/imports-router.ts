/**
 * Imports over HTTP: POST /api/v1/imports?kind=units|observations[&period=P][&framework=F] with
 * the file as the raw request body (any content type; the content decides the format) and its
 * name in ?filename=; answers 202 with a job. GET lists batches, reads one, and its validation
 * report as JSON or, with ?format=csv, as a CSV download (formula-neutralised cells).
 * Importing needs data.import, reading batches and reports data.read; every import is audited.
 */
import express, { Router } from 'express';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { Registry } from '../../indicators/registry-types.js';
import { importObservationsFile } from '../../intake/import-observations-file.js';
import { importUnitsFile } from '../../intake/import-units-file.js';
import { DEFAULT_MAX_BYTES, type IntakeFile } from '../../intake/intake-file.js';
import { reportCsv } from '../../intake/report-csv.js';
import type { JobRunner, ReportProgress } from '../../jobs/job-runner.js';
import type { IntakeResult } from '../../intake/import-observations-file.js';
import type { JsonValue, Store } from '../../store/store.js';
import { actorOf, requirePrincipal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import { auditedImport } from './audited-import.js';
import type { JobOwners } from './job-owners.js';
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
  owners: JobOwners,
  maxBytes = DEFAULT_MAX_BYTES,
): Router {
  const router = Router();
  router.post(
    '/imports',
    requirePermission('data.import'),
    express.raw({ type: () => true, limit: maxBytes }),
    (req, res) => {
      const query = req.query as Record<string, unknown>;
      const kind = textParam(query, 'kind');
      const file = uploadedFile(req.body, textParam(query, 'filename'));
      const actor = actorOf(res);
      const onProgress =
        (progress: ReportProgress) =>
        (stage: string, done: number, total: number): void => {
          progress(done, total, stage);
        };
      let job;
      if (kind === 'units') {
        const attempt = { fileName: file.fileName, kind: 'units' as const, period: null };
        job = jobs.start('import-units', async (progress) =>
          summary(
            await auditedImport(store, actor, attempt, () =>
              importUnitsFile(store, file, { actor, maxBytes, onProgress: onProgress(progress) }),
            ),
          ),
        );
      } else if (kind === 'observations') {
        const framework = registry.resolveFramework(textParam(query, 'framework') ?? 'default');
        const period = textParam(query, 'period') ?? null;
        const attempt = { fileName: file.fileName, kind: 'observations' as const, period };
        job = jobs.start('import-observations', async (progress) =>
          summary(
            await auditedImport(store, actor, attempt, () =>
              importObservationsFile(store, file, {
                variables: framework.variables,
                rules: framework.rules,
                jumps: framework.definition.jumps,
                period,
                actor,
                maxBytes,
                onProgress: onProgress(progress),
              }),
            ),
          ),
        );
      } else {
        throw new ValidationError('query parameter kind must be units or observations', [
          { where: 'query.kind', message: `found ${JSON.stringify(kind)}` },
        ]);
      }
      owners.record(job.id, requirePrincipal(res).user.id);
      res.status(202).location(`/api/v1/jobs/${job.id}`).json(job);
    },
  );
  router.get('/imports', requirePermission('data.read'), async (req, res) => {
    const paging = pagingOf(req.query);
    res.json(envelope(await store.imports.list({ limit: paging.limit + 1, offset: paging.offset }), paging));
  });
  router.route('/imports/:id').get(requirePermission('data.read'), async (req, res) => {
    const batch = await store.imports.get(req.params.id);
    if (batch === undefined) throw new NotFoundError(`no import batch ${req.params.id}`);
    res.json(batch);
  });
  router.route('/imports/:id/report').get(requirePermission('data.read'), async (req, res) => {
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
