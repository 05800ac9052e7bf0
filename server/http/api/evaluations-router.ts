/**
 * Evaluations: POST /api/v1/evaluations starts a job that scores a framework over periods and
 * stores a draft; GET lists and reads them and their results; POST /:id/publish freezes one.
 */
import { Router } from 'express';
import { NotFoundError, ValidationError } from '../../errors.js';
import { runEvaluation, type EvaluationRequest } from '../../evaluation/run-evaluation.js';
import type { Registry } from '../../indicators/registry-types.js';
import type { JobRunner } from '../../jobs/job-runner.js';
import type { EvaluationStatus } from '../../store/models/evaluation.js';
import type { Store } from '../../store/store.js';
import { compileValidator } from '../../store/validation/compile.js';
import { envelope, pagingOf, textParam } from './paging.js';

const stageChoice = {
  type: 'object',
  required: ['method'],
  properties: { method: { type: 'string', maxLength: 40 } },
};

const asCreateBody = compileValidator<{
  framework: string;
  periods: string[];
  label?: { zh: string; en: string };
  methods?: EvaluationRequest['methods'];
  uncertainty?: Record<string, unknown>;
}>('evaluation request', {
  type: 'object',
  additionalProperties: false,
  required: ['framework', 'periods'],
  properties: {
    framework: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' },
    periods: {
      type: 'array',
      minItems: 1,
      maxItems: 40,
      uniqueItems: true,
      items: { type: 'string', pattern: '^[0-9]{4}([QMH][0-9]{1,2})?$' },
    },
    label: {
      type: 'object',
      additionalProperties: false,
      required: ['zh', 'en'],
      properties: { zh: { type: 'string', maxLength: 200 }, en: { type: 'string', maxLength: 200 } },
    },
    // Checked in full by the engine (server/engine/uncertainty/spec.ts) before any work.
    uncertainty: { type: 'object' },
    methods: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        [
          'imputation',
          'screening',
          'treatment',
          'normalisation',
          'weighting',
          'aggregation',
          'rollup',
          'periods',
        ].map((stage) => [stage, stageChoice]),
      ),
    },
  },
});

function statusOf(query: Record<string, unknown>): EvaluationStatus | undefined {
  const status = textParam(query, 'status');
  if (status === undefined || status === 'draft' || status === 'published') return status;
  throw new ValidationError('query parameter status must be draft or published', [
    { where: 'query.status', message: `found ${JSON.stringify(status)}` },
  ]);
}

export function evaluationsRouter(store: Store, registry: Registry, jobs: JobRunner): Router {
  const router = Router();
  router.post('/evaluations', (req, res) => {
    const body = asCreateBody(req.body, 'body');
    // Fail now, not inside the job, for an unknown framework.
    registry.resolveFramework(body.framework);
    const job = jobs.start('evaluation', async (progress) => {
      const evaluation = await runEvaluation(
        store,
        registry,
        {
          frameworkId: body.framework,
          periods: body.periods,
          actor: 'api',
          ...(body.label === undefined ? {} : { label: body.label }),
          ...(body.methods === undefined ? {} : { methods: body.methods }),
          ...(body.uncertainty === undefined ? {} : { uncertainty: body.uncertainty }),
        },
        progress,
      );
      return { evaluation: evaluation.id };
    });
    res.status(202).location(`/api/v1/jobs/${job.id}`).json(job);
  });
  router.get('/evaluations', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const paging = pagingOf(query);
    const status = statusOf(query);
    const frameworkId = textParam(query, 'framework');
    const items = await store.evaluations.list({
      ...(status === undefined ? {} : { status }),
      ...(frameworkId === undefined ? {} : { frameworkId }),
      limit: paging.limit + 1,
      offset: paging.offset,
    });
    res.json(envelope(items, paging));
  });
  router.get('/evaluations/:id', async (req, res) => {
    const evaluation = await store.evaluations.get(req.params.id);
    if (evaluation === undefined) throw new NotFoundError(`no evaluation ${req.params.id}`);
    res.json(evaluation);
  });
  router.get('/evaluations/:id/results', async (req, res) => {
    const results = await store.evaluations.readResults(req.params.id);
    if (results === undefined) throw new NotFoundError(`evaluation ${req.params.id} has no stored results`);
    res.json(results);
  });
  router.post('/evaluations/:id/publish', async (req, res) => {
    res.json(await store.evaluations.publish(req.params.id, 'api'));
  });
  return router;
}
