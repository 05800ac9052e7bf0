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
import { can } from '../../access/permissions.js';
import type { MethodChoices } from '../../engine/types.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { runEvaluationVersion } from '../../evaluation/run-version.js';
import { assertWithinRunsCap } from '../../evaluation/runs-cap.js';
import { assertSupersedable } from '../../evaluation/supersedable.js';
import type { Registry } from '../../indicators/registry-types.js';
import type { JobRunner } from '../../jobs/job-runner.js';
import type { Bilingual } from '../../store/models/common.js';
import { versionReasonSchema, type VersionReason } from '../../store/models/evaluation.js';
import type { JsonValue, Store } from '../../store/store.js';
import { compileValidator } from '../../store/validation/compile.js';
import { actorOf, requirePrincipal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import {
  evaluationLabelSchema,
  evaluationPeriodsSchema,
  methodChoicesSchema,
} from './evaluation-request-parts.js';

/** Where the API remembers who started a job (only they may follow it). */
export interface JobOwnerLog {
  record(jobId: string, userId: string): void;
}

const asVersionBody = compileValidator<{
  reason: VersionReason;
  label?: Bilingual;
  methods?: MethodChoices;
  periods?: string[];
  uncertainty?: JsonValue;
}>('version request', {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: {
    reason: versionReasonSchema,
    label: evaluationLabelSchema,
    methods: methodChoicesSchema,
    periods: evaluationPeriodsSchema,
    // Checked in full by the engine (server/engine/uncertainty/spec.ts); null runs none.
    uncertainty: { type: ['object', 'null'] },
  },
});

/** The evaluation id of the path (a string for these routes; anything else names no evaluation). */
function idOf(req: Request): string {
  const id = req.params.id;
  if (typeof id !== 'string') throw new NotFoundError('no such evaluation');
  return id;
}

export function evaluationVersionsRouter(
  store: Store,
  registry: Registry,
  jobs: JobRunner,
  owners: JobOwnerLog,
): Router {
  const router = Router();

  router.post('/evaluations/:id/versions', requirePermission('evaluations.run'), async (req, res) => {
    const body = asVersionBody(req.body, 'body');
    // Refuse now, not inside the job: unknown, draft, already superseded, framework gone.
    const previous = await assertSupersedable(store, idOf(req));
    registry.resolveFramework(previous.framework.id);
    const uncertainty = body.uncertainty === undefined ? previous.uncertainty : body.uncertainty;
    if (uncertainty !== null) assertWithinRunsCap(uncertainty);
    const actor = actorOf(res);
    const owner = requirePrincipal(res).user.id;
    // One new version of an evaluation at a time in this process (the store's unique key decides between processes).
    const exclusive = {
      key: `version-of:${previous.id}`,
      conflict: (holder: { readonly id: string }) =>
        new ConflictError(
          `a new version of evaluation ${previous.id} is already being made (job ${holder.id}): wait for it, then publish or delete that draft`,
        ),
    };
    const job = jobs.start(
      'evaluation',
      async (progress, signal) => {
        const evaluation = await runEvaluationVersion(
          store,
          registry,
          {
            previous: previous.id,
            actor,
            reason: body.reason,
            ...(body.label === undefined ? {} : { label: body.label }),
            ...(body.methods === undefined ? {} : { methods: body.methods }),
            ...(body.periods === undefined ? {} : { periods: body.periods }),
            ...(body.uncertainty === undefined ? {} : { uncertainty: body.uncertainty }),
          },
          progress,
          signal,
        );
        return { evaluation: evaluation.id, version: evaluation.version, supersedes: previous.id };
      },
      { owner, cancellable: true, exclusive },
    );
    owners.record(job.id, owner);
    res.status(202).location(`/api/v1/jobs/${job.id}`).json(job);
  });

  router.get('/evaluations/:id/versions', requirePermission('reports.read'), async (req, res) => {
    const id = idOf(req);
    const line = await store.evaluations.versions(id);
    const drafts = can(requirePrincipal(res).user.role, 'drafts.read');
    const items = drafts ? line : line.filter((e) => e.status === 'published');
    // To a caller who may not read drafts, a draft does not exist.
    if (!items.some((e) => e.id === id)) throw new NotFoundError(`no evaluation ${id}`);
    res.json({ lineage: line[0]?.lineage ?? id, items });
  });

  return router;
}
