/**
 * Self-evaluations (自主评价) for the viewer who holds self.assess: GET /self-evaluations (their
 * own, newest first), GET /self-evaluations/options (frameworks, and periods with their data),
 * POST /self-evaluations (run one; 201 with the result) and GET /self-evaluations/:id. Anyone
 * else's id answers 404, as an unknown one does, so not even its existence shows; responses are
 * never cached. The use cases are server/services/self-evaluations.ts.
 *
 * @example POST /api/v1/self-evaluations {"framework":"default","periods":["2024","2025"]} → 201
 */
import { Router, type Response } from 'express';
import type { SelfEvaluation } from '../../domain/self-evaluation.js';
import {
  listOwnSelfEvaluations,
  ownSelfEvaluation,
  runOwnSelfEvaluation,
  selfEvaluationOptions,
} from '../../services/self-evaluations.js';
import type { Services } from '../../services/services.js';
import { requestActor } from '../request-actor.js';
import { selfEvaluationBody } from './request-schemas.js';

/** A list item: what it evaluated, when, and its latest index score. */
export function selfEvaluationSummary(self: SelfEvaluation): Record<string, unknown> {
  const index = self.standing.nodes.find((n) => n.id === self.standing.root);
  return {
    id: self.id,
    unit: self.unit,
    framework: self.framework,
    periods: self.periods,
    createdAt: self.createdAt,
    score: index?.score.at(-1) ?? null,
  };
}

function privately(res: Response): Response {
  return res.setHeader('Cache-Control', 'private, no-store');
}

export function selfEvaluationsRouter(services: Services): Router {
  const router = Router();
  router.get('/self-evaluations', async (_req, res) => {
    const mine = await listOwnSelfEvaluations(services, requestActor(res));
    privately(res).json({ items: mine.map(selfEvaluationSummary) });
  });
  router.get('/self-evaluations/options', async (_req, res) => {
    privately(res).json(await selfEvaluationOptions(services, requestActor(res)));
  });
  router.post('/self-evaluations', async (req, res) => {
    const self = await runOwnSelfEvaluation(
      services,
      requestActor(res),
      selfEvaluationBody.parse(req.body, 'body'),
    );
    privately(res).status(201).location(`/api/v1/self-evaluations/${self.id}`).json(self);
  });
  router.get('/self-evaluations/:id', async (req, res) => {
    privately(res).json(await ownSelfEvaluation(services, requestActor(res), req.params.id));
  });
  return router;
}
