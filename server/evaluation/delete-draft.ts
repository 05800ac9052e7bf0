/**
 * Deletes a draft evaluation and its results, for evaluators and admins (evaluations.run): a draft
 * nobody will publish, or one whose line needs a different new version, would otherwise block
 * the line for good. A published evaluation is never deleted (409); a new version replaces it.
 * Audited as "evaluation.delete" with what the draft was.
 *
 * @example await deleteDraft(store, 'wang', 'ev_b') // the deleted draft; ConflictError when published
 */
import type { Evaluation } from '../store/models/evaluation.js';
import type { Store } from '../store/store.js';

export async function deleteDraft(store: Store, actor: string, id: string): Promise<Evaluation> {
  const deleted = await store.evaluations.deleteDraft(id);
  await store.audit.append({
    actor,
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
