/**
 * GET /api/v1/evaluations/compare?ids=A,B[,C]&level=&period=: the comparison of two or three
 * evaluations that the page /evaluations/compare shows, as JSON — per pair Spearman's ρ and
 * Kendall's τ-b with n, the biggest movers from the first evaluation to each other one, and per
 * unit its score and rank in each (null where absent). Same use case (compareEvaluations), same
 * rules: reports.read, drafts only with drafts.read, a unit scope cuts the units. Mounted before
 * the evaluations router, whose /evaluations/:id would read "compare" as an id.
 */
import { Router } from 'express';
import { compareEvaluations } from '../../services/compare-evaluations.js';
import type { Services } from '../../services/services.js';
import type { EvaluationComparison } from '../../reports/context/evaluation-comparison.js';
import { requirePermission } from '../auth/require-permission.js';
import { requestActor } from '../request-actor.js';
import { textParam } from './paging.js';

/** A figure as JSON: NaN (absent, unranked) is null. */
function figure(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : value;
}

function comparisonJson(comparison: EvaluationComparison): object {
  const { codes, evaluations, result } = comparison;
  return {
    evaluations: evaluations.map((e) => ({
      id: e.context.evaluation.id,
      version: e.context.evaluation.version,
      status: e.context.evaluation.status,
      framework: e.context.evaluation.framework.id,
    })),
    level: comparison.level,
    period: comparison.period,
    scoped: comparison.scoped,
    agreement: result.agreement.map((pair) => ({
      a: evaluations[pair.a]?.context.evaluation.id,
      b: evaluations[pair.b]?.context.evaluation.id,
      n: pair.n,
      spearman: figure(pair.spearman),
      kendall: figure(pair.kendall),
    })),
    movers: result.shifts.map((shift) => ({
      from: evaluations[0]?.context.evaluation.id,
      to: evaluations[shift.against]?.context.evaluation.id,
      up: shift.up.map((m) => ({ code: codes[m.unit], shift: m.shift })),
      down: shift.down.map((m) => ({ code: codes[m.unit], shift: m.shift })),
    })),
    units: codes.map((code, i) => ({
      code,
      scores: evaluations.map((e) => figure(e.scores[i])),
      ranks: evaluations.map((e) => figure(e.ranks[i])),
    })),
  };
}

export function evaluationsCompareRouter(services: Services): Router {
  const router = Router();
  router.get('/evaluations/compare', requirePermission('reports.read'), async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const ids = (textParam(query, 'ids') ?? '').split(',');
    const comparison = await compareEvaluations(services, requestActor(res), {
      ids,
      level: textParam(query, 'level'),
      period: textParam(query, 'period'),
    });
    res.json(comparisonJson(comparison));
  });
  return router;
}
