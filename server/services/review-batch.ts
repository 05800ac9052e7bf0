/**
 * The use cases "confirm a self-reported batch" and "return it" (and reading a batch to review it):
 * need data.confirm, and the batch's units must sit directly below the actor's unit scope — a
 * street's official (a viewer scoped to the street) reviews its communities' figures, a district's
 * its streets' — so nobody confirms their own figures or another street's; a reviewer without a
 * unit scope (the city's) may review any batch. A review happens once: the batch is then locked (a
 * correction is a new import naming it). Audited as batch.confirm or batch.return.
 *
 * @example await reviewBatch(services, actor, 'imp_…', { decision: 'returned', reason: '入户数与台账不符' })
 */
import type { ReviewDecision } from '../domain/data-source.js';
import type { ImportBatch } from '../domain/import-batch.js';
import type { ValidationReport } from '../domain/validation-report.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';
import { reviewScope } from './review-scope.js';

export interface BatchReviewInput {
  readonly decision: ReviewDecision;
  /** Why: required to return a batch (the community must know what to correct). */
  readonly reason?: string;
}

/**
 * A batch as its reviewer reads it (a viewer has no data.read): NotFoundError when the batch does
 * not exist or concerns units the reviewer may not review, so nothing leaks about other streets.
 */
export async function batchToReview(
  context: { readonly store: Store },
  actor: Actor,
  id: string,
): Promise<{ batch: ImportBatch; report: ValidationReport | undefined }> {
  assertMay(actor, 'data.confirm');
  const { store } = context;
  const batch = await store.imports.get(id);
  if (batch?.kind !== 'observations') throw new NotFoundError(`no import batch ${id}`);
  if ((await reviewScope(store, actor))(await store.imports.unitsOf(id)) !== undefined)
    throw new NotFoundError(`no import batch ${id}`);
  return { batch, report: await store.imports.report(id) };
}

export async function reviewBatch(
  context: { readonly store: Store },
  actor: Actor,
  id: string,
  input: BatchReviewInput,
): Promise<ImportBatch> {
  assertMay(actor, 'data.confirm');
  const { store } = context;
  const batch = await store.imports.get(id);
  if (batch === undefined) throw new NotFoundError(`no import batch ${id}`);
  const reason = input.reason?.trim() ?? '';
  if (input.decision === 'returned' && reason === '') {
    throw new ValidationError({ en: 'a returned batch needs a reason', zh: '退回数据批次须说明理由' }, [
      { where: 'reason', message: 'required when returning a batch' },
    ]);
  }
  const stray = (await reviewScope(store, actor))(await store.imports.unitsOf(id));
  if (stray !== undefined) {
    throw new ForbiddenError({
      en: `${actor.name} may not review batch ${id}: unit ${stray} is not directly below their units`,
      zh: `${actor.name} 无权审核数据批次 ${id}：单位 ${stray} 不是其直接下级`,
    });
  }
  const reviewed = await store.imports.review(id, {
    decision: input.decision,
    by: actor.name,
    ...(reason === '' ? {} : { reason }),
  });
  await store.audit.append({
    actor: actor.name,
    action: input.decision === 'confirmed' ? 'batch.confirm' : 'batch.return',
    target: id,
    detail: { fileName: batch.fileName, periods: [...batch.periods], ...(reason === '' ? {} : { reason }) },
  });
  return reviewed;
}
