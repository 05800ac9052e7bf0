/**
 * The use case "publish an evaluation": needs evaluations.publish; freezes a draft that has
 * results (published evaluations never change), audits evaluation.publish and tells the report
 * cache, so the evaluation's pages say 已发布 / Published at once, whichever door published it.
 *
 * @example const published = await publishEvaluation(services, actor, 'ev_m5x2…')
 */
import type { Evaluation } from '../domain/evaluation.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';
import type { ReportCache } from './report-cache.js';

export async function publishEvaluation(
  context: { readonly store: Store; readonly reports?: ReportCache },
  actor: Actor,
  id: string,
): Promise<Evaluation> {
  assertMay(actor, 'evaluations.publish');
  const published = await context.store.evaluations.publish(id, actor.name);
  context.reports?.forget(id);
  await context.store.audit.append({
    actor: actor.name,
    action: 'evaluation.publish',
    target: published.id,
    detail: { framework: published.framework.id, periods: [...published.periods] },
  });
  return published;
}
