/**
 * Imports over HTTP: POST /api/v1/imports?kind=units|observations|responses[&period=P][&framework=F] with
 * the file as the raw request body (any content type; the content decides the format) and its
 * name in ?filename=; answers 202 with a job. GET lists batches, reads one, and its validation
 * report as JSON or, with ?format=csv, as a CSV download (formula-neutralised cells).
 * Importing needs data.import, reading batches and reports data.read; every import is audited.
 * An observations file may name its source (?source=self|street|third_party) and correct a
 * reviewed batch (?corrects=ID&reason=…). POST /:id/confirm and /:id/return review a
 * self-reported batch (data.confirm, within the unit scope; services/review-batch.ts); GET /review
 * lists the batches waiting for the caller's review (services/batches-to-review.ts).
 */
import express, { Router } from 'express';
import { ValidationError } from '../../errors.js';
import { DEFAULT_MAX_BYTES, type IntakeFile } from '../../intake/intake-file.js';
import { reportCsv } from '../../intake/report-csv.js';
import type { Services } from '../../services/services.js';
import { importBatch, importBatches, importReport } from '../../services/import-batches.js';
import { reviewBatch } from '../../services/review-batch.js';
import { batchesToReview } from '../../services/batches-to-review.js';
import { startImport } from '../../services/start-import.js';
import { confirmBatchBody, returnBatchBody } from './request-schemas.js';
import { requirePermission } from '../auth/require-permission.js';
import { requestActor } from '../request-actor.js';
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

export function importsRouter(services: Services, maxBytes = DEFAULT_MAX_BYTES): Router {
  const router = Router();
  router.post(
    '/imports',
    requirePermission('data.import'),
    express.raw({ type: () => true, limit: maxBytes }),
    (req, res) => {
      const query = req.query as Record<string, unknown>;
      const file = uploadedFile(req.body, textParam(query, 'filename'));
      const framework = textParam(query, 'framework');
      const job = startImport(services, requestActor(res), {
        kind: textParam(query, 'kind'),
        kindWhere: 'query.kind',
        file,
        period: textParam(query, 'period') ?? null,
        ...(framework === undefined ? {} : { framework }),
        maxBytes,
        source: textParam(query, 'source'),
        corrects: textParam(query, 'corrects'),
        reason: textParam(query, 'reason'),
        fieldPrefix: 'query.',
      });
      res.status(202).location(`/api/v1/jobs/${job.id}`).json(job);
    },
  );
  router.get('/imports', requirePermission('data.read'), async (req, res) => {
    const paging = pagingOf(req.query);
    const page = { limit: paging.limit + 1, offset: paging.offset };
    res.json(envelope(await importBatches(services, requestActor(res), page), paging));
  });
  // Before /imports/:id, which would take "review" for a batch id.
  router.get('/imports/review', requirePermission('data.confirm'), async (req, res) => {
    const paging = pagingOf(req.query);
    const page = { limit: paging.limit + 1, offset: paging.offset };
    res.json(envelope(await batchesToReview(services, requestActor(res), page), paging));
  });
  router.route('/imports/:id').get(requirePermission('data.read'), async (req, res) => {
    res.json((await importBatch(services, requestActor(res), req.params.id)).batch);
  });
  router.route('/imports/:id/report').get(requirePermission('data.read'), async (req, res) => {
    const report = await importReport(services, requestActor(res), req.params.id);
    if (textParam(req.query, 'format') === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`import-${req.params.id}-report.csv`)
        .send(reportCsv(report));
    } else {
      res.json(report);
    }
  });
  router.route('/imports/:id/confirm').post(requirePermission('data.confirm'), async (req, res) => {
    const { reason } = confirmBatchBody.parse(req.body ?? {}, 'body');
    const input =
      reason === undefined ? { decision: 'confirmed' as const } : { decision: 'confirmed' as const, reason };
    res.json(await reviewBatch(services, requestActor(res), req.params.id, input));
  });
  router.route('/imports/:id/return').post(requirePermission('data.confirm'), async (req, res) => {
    const { reason } = returnBatchBody.parse(req.body ?? {}, 'body');
    res.json(await reviewBatch(services, requestActor(res), req.params.id, { decision: 'returned', reason }));
  });
  return router;
}
