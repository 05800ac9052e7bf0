/**
 * The use case "delete a draft": for evaluators and admins (evaluations.run), a draft nobody will
 * publish, or one whose line needs a different new version, would otherwise block the line for
 * good. A published evaluation is never deleted (409); a new version replaces it. The draft and
 * its results go in one store call; audited as "evaluation.delete" with what the draft was.
 *
 * @example await deleteDraft(services, actor, 'ev_b') // the deleted draft; ConflictError when published
 */
import type { Evaluation } from '../domain/evaluation.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';
import type { ReportCache } from './report-cache.js';

export async function deleteDraft(
  context: { readonly store: Store; readonly reports?: ReportCache },
  actor: Actor,
  id: string,
): Promise<Evaluation> {
  assertMay(actor, 'evaluations.run');
  const { store } = context;
  const deleted = await store.evaluations.deleteDraft(id);
  await context.reports?.discard(id);
  await store.audit.append({
    actor: actor.name,
    action: 'evaluation.delete',
    target: deleted.id,
    detail: {
      framework: deleted.framework.id,
      periods: [...deleted.periods],
      version: deleted.version,
      supersedes: deleted.supersedes,
    },
  });
  return deleted;
}
