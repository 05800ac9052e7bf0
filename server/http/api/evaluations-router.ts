/**
 * Evaluations: POST /api/v1/evaluations starts a job that scores a framework over periods and
 * stores a draft; GET lists and reads them and their results; POST /:id/publish freezes one;
 * DELETE /:id deletes a draft (evaluations.run; a published one is refused with 409).
 * Reading needs reports.read, and drafts also drafts.read (to others a draft does not exist);
 * a caller with a unit scope gets results for their units only. Creating, publishing and
 * deleting are audited.
 */
import { Router } from 'express';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { RESULTS_FORMAT, type ResultsDocument } from '../../evaluation/results-document.js';
import { startEvaluation } from '../../services/create-evaluation.js';
import { deleteDraft } from '../../services/delete-draft.js';
import { publishEvaluation } from '../../services/publish-evaluation.js';
import {
  evaluationsList,
  storedResults,
  storedResultsText,
  visibleEvaluation,
} from '../../services/read-evaluations.js';
import type { Services } from '../../services/services.js';
import type { EvaluationStatus } from '../../domain/evaluation.js';
import type { JsonValue } from '../../domain/json-value.js';
import { requirePrincipal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import { requestActor } from '../request-actor.js';
import { envelope, pagingOf, textParam } from './paging.js';
import { ResultsBodyCache } from '../../services/results-body-cache.js';
import { resultsWithinScope } from './results-within-scope.js';
import { jsonBody } from '../../services/json-body.js';
import { newEvaluationBody, publishBody } from './request-schemas.js';
import { UnitScope } from '../../access/unit-scope.js';

/** Stored results in the one format this server writes (checked before they are cut to a scope). */
function isResultsDocument(results: JsonValue): results is JsonValue & ResultsDocument {
  return (
    typeof results === 'object' &&
    results !== null &&
    !Array.isArray(results) &&
    results.format === RESULTS_FORMAT &&
    Array.isArray(results.units) &&
    Array.isArray(results.periods) &&
    Array.isArray(results.register)
  );
}

const asCreateBody = newEvaluationBody.parse;

function statusOf(query: Record<string, unknown>): EvaluationStatus | undefined {
  const status = textParam(query, 'status');
  if (status === undefined || status === 'draft' || status === 'published') return status;
  throw new ValidationError('query parameter status must be draft or published', [
    { where: 'query.status', message: `found ${JSON.stringify(status)}` },
  ]);
}

export function evaluationsRouter(services: Services): Router {
  const router = Router();
  router.post('/evaluations', requirePermission('evaluations.run'), (req, res) => {
    const body = asCreateBody(req.body, 'body');
    const job = startEvaluation(services, requestActor(res), {
      framework: body.framework,
      periods: body.periods,
      ...(body.label === undefined ? {} : { label: body.label }),
      ...(body.methods === undefined ? {} : { methods: body.methods }),
      ...(body.uncertainty === undefined ? {} : { uncertainty: body.uncertainty }),
    });
    res.status(202).location(`/api/v1/jobs/${job.id}`).json(job);
  });
  router.get('/evaluations', requirePermission('reports.read'), async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const paging = pagingOf(query);
    const asked = statusOf(query);
    const frameworkId = textParam(query, 'framework');
    const items = await evaluationsList(services, requestActor(res), {
      ...(asked === undefined ? {} : { status: asked }),
      ...(frameworkId === undefined ? {} : { frameworkId }),
      limit: paging.limit + 1,
      offset: paging.offset,
    });
    res.json(envelope(items, paging));
  });
  router.route('/evaluations/:id').get(requirePermission('reports.read'), async (req, res) => {
    res.json(await visibleEvaluation(services, requestActor(res), req.params.id));
  });
  router.route('/evaluations/:id').delete(requirePermission('evaluations.run'), async (req, res) => {
    res.json(await deleteDraft(services, requestActor(res), req.params.id));
  });
  const resultBodies = new ResultsBodyCache();
  router.route('/evaluations/:id/results').get(requirePermission('reports.read'), async (req, res) => {
    const actor = requestActor(res);
    const evaluation = await visibleEvaluation(services, actor, req.params.id);
    const noResults = new NotFoundError(`evaluation ${req.params.id} has no stored results`);
    if (evaluation.results === null) throw noResults;
    const user = requirePrincipal(res).user;
    if (user.unitScope === null) {
      // The stored text as it is: its SHA-256 is the ETag, and it may pass V8's longest string.
      const body = await resultBodies.body(evaluation.id, evaluation.results.sha256, () =>
        storedResultsText(services, actor, evaluation.id),
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
    const results = await storedResults(services, actor, evaluation.id);
    if (results === undefined) throw noResults;
    if (!isResultsDocument(results)) {
      throw new ForbiddenError(
        'these results cannot be limited to your units over the API; open the report pages instead',
      );
    }
    // The evaluation's frozen tree decides the scope, not the register as it is now.
    const parents = new Map(results.register.map((unit) => [unit.code, unit.parent]));
    const scope = UnitScope.of(user.unitScope, (code) => parents.get(code));
    // Not res.json: the results of a wide scope may pass V8's longest string.
    const scoped = {
      ...resultsWithinScope(results, (code) => scope.allows(code)),
      unitScope: [...user.unitScope],
    };
    res.type('application/json; charset=utf-8').send(jsonBody(scoped));
  });
  router
    .route('/evaluations/:id/publish')
    .post(requirePermission('evaluations.publish'), async (req, res) => {
      // The body is optional: an empty request publishes without a reason.
      const { reason } = publishBody.parse(req.body ?? {}, 'body');
      const published = await publishEvaluation(services, requestActor(res), req.params.id, reason);
      res.json(published);
    });
  return router;
}
