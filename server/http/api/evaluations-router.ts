/**
 * Evaluations: POST /api/v1/evaluations starts a job that scores a framework over periods and
 * stores a draft; GET lists and reads them and their results; POST /:id/publish freezes one;
 * DELETE /:id deletes a draft (evaluations.run; a published one is refused with 409).
 * Reading needs reports.read, and drafts also drafts.read (to others a draft does not exist);
 * a caller with a unit scope gets results for their units only. Creating, publishing and
 * deleting are audited.
 */
import { Router, type Response } from 'express';
import { can } from '../../access/permissions.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { RESULTS_FORMAT, type ResultsDocument } from '../../evaluation/results-document.js';
import { deleteDraft } from '../../evaluation/delete-draft.js';
import { runEvaluation, type EvaluationRequest } from '../../evaluation/run-evaluation.js';
import { assertWithinRunsCap } from '../../evaluation/runs-cap.js';
import type { Registry } from '../../indicators/registry-types.js';
import type { JobRunner } from '../../jobs/job-runner.js';
import type { Evaluation, EvaluationStatus } from '../../store/models/evaluation.js';
import type { JsonValue, Store } from '../../store/store.js';
import { compileValidator } from '../../store/validation/compile.js';
import { actorOf, requirePrincipal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import type { JobOwners } from './job-owners.js';
import { envelope, pagingOf, textParam } from './paging.js';
import {
  evaluationLabelSchema,
  evaluationPeriodsSchema,
  methodChoicesSchema,
} from './evaluation-request-parts.js';
import { ResultsBodyCache } from './results-body-cache.js';
import { resultsWithinScope } from './results-within-scope.js';
import { unitScopeOf } from './unit-scope-of.js';

/** Stored results in the one format this server writes (checked before they are cut to a scope). */
function isResultsDocument(results: JsonValue): results is JsonValue & ResultsDocument {
  return (
    typeof results === 'object' &&
    results !== null &&
    !Array.isArray(results) &&
    results.format === RESULTS_FORMAT &&
    Array.isArray(results.units) &&
    Array.isArray(results.periods)
  );
}

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
    periods: evaluationPeriodsSchema,
    label: evaluationLabelSchema,
    // Checked in full by the engine (server/engine/uncertainty/spec.ts) before any work.
    uncertainty: { type: 'object' },
    methods: methodChoicesSchema,
  },
});

function statusOf(query: Record<string, unknown>): EvaluationStatus | undefined {
  const status = textParam(query, 'status');
  if (status === undefined || status === 'draft' || status === 'published') return status;
  throw new ValidationError('query parameter status must be draft or published', [
    { where: 'query.status', message: `found ${JSON.stringify(status)}` },
  ]);
}

/** The evaluation, if this caller may see it: drafts only with drafts.read (others get the same 404). */
async function visibleEvaluation(store: Store, res: Response, id: string): Promise<Evaluation> {
  const evaluation = await store.evaluations.get(id);
  const role = requirePrincipal(res).user.role;
  if (evaluation === undefined || (evaluation.status === 'draft' && !can(role, 'drafts.read'))) {
    throw new NotFoundError(`no evaluation ${id}`);
  }
  return evaluation;
}

export function evaluationsRouter(
  store: Store,
  registry: Registry,
  jobs: JobRunner,
  owners: JobOwners,
): Router {
  const router = Router();
  router.post('/evaluations', requirePermission('evaluations.run'), (req, res) => {
    const body = asCreateBody(req.body, 'body');
    // Fail now, not inside the job, for an unknown framework.
    registry.resolveFramework(body.framework);
    if (body.uncertainty !== undefined) assertWithinRunsCap(body.uncertainty);
    const actor = actorOf(res);
    const owner = requirePrincipal(res).user.id;
    const job = jobs.start(
      'evaluation',
      async (progress, signal) => {
        const evaluation = await runEvaluation(
          store,
          registry,
          {
            frameworkId: body.framework,
            periods: body.periods,
            actor,
            ...(body.label === undefined ? {} : { label: body.label }),
            ...(body.methods === undefined ? {} : { methods: body.methods }),
            ...(body.uncertainty === undefined ? {} : { uncertainty: body.uncertainty }),
          },
          progress,
          signal,
        );
        await store.audit.append({
          actor,
          action: 'evaluation.create',
          target: evaluation.id,
          detail: { framework: evaluation.framework.id, periods: [...evaluation.periods] },
        });
        return { evaluation: evaluation.id };
      },
      { owner, cancellable: true },
    );
    owners.record(job.id, owner);
    res.status(202).location(`/api/v1/jobs/${job.id}`).json(job);
  });
  router.get('/evaluations', requirePermission('reports.read'), async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const paging = pagingOf(query);
    const asked = statusOf(query);
    const frameworkId = textParam(query, 'framework');
    const draftsVisible = can(requirePrincipal(res).user.role, 'drafts.read');
    if (asked === 'draft' && !draftsVisible) {
      res.json(envelope([], paging));
      return;
    }
    const status = draftsVisible ? asked : 'published';
    const items = await store.evaluations.list({
      ...(status === undefined ? {} : { status }),
      ...(frameworkId === undefined ? {} : { frameworkId }),
      limit: paging.limit + 1,
      offset: paging.offset,
    });
    res.json(envelope(items, paging));
  });
  router.route('/evaluations/:id').get(requirePermission('reports.read'), async (req, res) => {
    res.json(await visibleEvaluation(store, res, req.params.id));
  });
  router.route('/evaluations/:id').delete(requirePermission('evaluations.run'), async (req, res) => {
    res.json(await deleteDraft(store, actorOf(res), req.params.id));
  });
  const resultBodies = new ResultsBodyCache();
  router.route('/evaluations/:id/results').get(requirePermission('reports.read'), async (req, res) => {
    const evaluation = await visibleEvaluation(store, res, req.params.id);
    const noResults = new NotFoundError(`evaluation ${req.params.id} has no stored results`);
    if (evaluation.results === null) throw noResults;
    const user = requirePrincipal(res).user;
    if (user.unitScope === null) {
      const body = await resultBodies.body(evaluation.id, evaluation.results.sha256, () =>
        store.evaluations.readResults(evaluation.id),
      );
      if (body === undefined) throw noResults;
      res.setHeader('ETag', `"${evaluation.results.sha256}"`);
      if (req.fresh) {
        res.status(304).end();
        return;
      }
      res.type('application/json').send(body);
      return;
    }
    const results = await store.evaluations.readResults(req.params.id);
    if (results === undefined) throw noResults;
    if (!isResultsDocument(results)) {
      throw new ForbiddenError(
        'these results cannot be limited to your units over the API; open the report pages instead',
      );
    }
    const scope = await unitScopeOf(store, user);
    res.json({
      ...resultsWithinScope(results, (code) => scope.allows(code)),
      unitScope: [...user.unitScope],
    });
  });
  router
    .route('/evaluations/:id/publish')
    .post(requirePermission('evaluations.publish'), async (req, res) => {
      const actor = actorOf(res);
      const published = await store.evaluations.publish(req.params.id, actor);
      await store.audit.append({
        actor,
        action: 'evaluation.publish',
        target: published.id,
        detail: { framework: published.framework.id, periods: [...published.periods] },
      });
      res.json(published);
    });
  return router;
}
