/**
 * The use case "publish an evaluation": needs evaluations.publish; freezes a draft that has
 * results (published evaluations never change), audits evaluation.publish and tells the report
 * cache, so the evaluation's pages say 已发布 / Published at once, whichever door published it. The
 * reason the evaluator gives (the page asks for one) goes into the audit event.
 *
 * @example const published = await publishEvaluation(services, actor, 'ev_m5x2…', '专家组已审阅')
 */
import type { Evaluation, VersionReason } from '../domain/evaluation.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';
import type { ReportCache } from './report-cache.js';

export async function publishEvaluation(
  context: { readonly store: Store; readonly reports?: ReportCache },
  actor: Actor,
  id: string,
  reason?: VersionReason,
): Promise<Evaluation> {
  assertMay(actor, 'evaluations.publish');
  const published = await context.store.evaluations.publish(id, actor.name);
  context.reports?.forget(id);
  await context.store.audit.append({
    actor: actor.name,
    action: 'evaluation.publish',
    target: published.id,
    detail: {
      framework: published.framework.id,
      periods: [...published.periods],
      ...(reason === undefined ? {} : { reason: typeof reason === 'string' ? reason : { ...reason } }),
    },
  });
  return published;
}
