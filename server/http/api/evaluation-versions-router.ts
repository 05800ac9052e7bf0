/**
 * Versions of an evaluation. A published evaluation never changes: POST
 * /api/v1/evaluations/:id/versions starts a job that evaluates again on the current data, from the
 * previous version's settings changed as the body asks, and stores a draft that cites it (publish
 * it with POST /evaluations/:id/publish). GET /api/v1/evaluations/:id/versions lists the line,
 * oldest first; callers without drafts.read see only its published versions.
 *
 * @example POST /api/v1/evaluations/ev_a/versions {"reason": "改用熵权法 entropy weights", "methods": {"weighting": {"method": "entropy"}}}
 */
import { Router, type Request } from 'express';
import { NotFoundError } from '../../errors.js';
import { startVersion } from '../../services/make-version.js';
import { evaluationLine } from '../../services/read-evaluations.js';
import type { Services } from '../../services/services.js';
import { requirePermission } from '../auth/require-permission.js';
import { requestActor } from '../request-actor.js';
import { newVersionBody } from './request-schemas.js';

const asVersionBody = newVersionBody.parse;

/** The evaluation id of the path (a string for these routes; anything else names no evaluation). */
function idOf(req: Request): string {
  const id = req.params.id;
  if (typeof id !== 'string') throw new NotFoundError('no such evaluation');
  return id;
}

export function evaluationVersionsRouter(services: Services): Router {
  const router = Router();

  router.post('/evaluations/:id/versions', requirePermission('evaluations.run'), async (req, res) => {
    const body = asVersionBody(req.body, 'body');
    // Refused now, not inside the job: unknown, draft, already superseded, framework gone.
    const job = await startVersion(services, requestActor(res), {
      previous: idOf(req),
      reason: body.reason,
      ...(body.label === undefined ? {} : { label: body.label }),
      ...(body.methods === undefined ? {} : { methods: body.methods }),
      ...(body.periods === undefined ? {} : { periods: body.periods }),
      ...(body.uncertainty === undefined ? {} : { uncertainty: body.uncertainty }),
      ...(body.frameworkVersion === undefined ? {} : { frameworkVersion: body.frameworkVersion }),
    });
    res.status(202).location(`/api/v1/jobs/${job.id}`).json(job);
  });

  router.get('/evaluations/:id/versions', requirePermission('reports.read'), async (req, res) => {
    // To a caller who may not read drafts, a draft does not exist.
    res.json(await evaluationLine(services, requestActor(res), idOf(req)));
  });

  return router;
}
