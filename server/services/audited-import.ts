/**
 * Runs an import and writes its audit event once the outcome is known: import.commit,
 * import.duplicate (the earlier batch is the target) or import.fail. A file that could not be
 * imported at all (unreadable, too large, a store error) is audited as import.fail without a
 * batch, and the error goes on to the caller.
 *
 * @example await auditedImport(store, 'wang', { fileName, kind: 'units', period: null }, () => importUnitsFile(…))
 */
import type { AuditAction } from '../domain/audit-event.js';
import type { ImportKind, ImportOutcome } from '../domain/import-batch.js';
import { AppError } from '../errors.js';
import type { IntakeResult } from './import-observations-file.js';
import type { Store } from '../store/store.js';

export interface ImportAttempt {
  readonly fileName: string;
  readonly kind: ImportKind;
  readonly period: string | null;
}

const ACTIONS: Readonly<Record<ImportOutcome, AuditAction>> = {
  committed: 'import.commit',
  duplicate: 'import.duplicate',
  failed: 'import.fail',
};

export async function auditedImport(
  store: Store,
  actor: string,
  attempt: ImportAttempt,
  run: () => Promise<IntakeResult>,
): Promise<IntakeResult> {
  let result: IntakeResult;
  try {
    result = await run();
  } catch (error) {
    // Only our own errors say why in words meant for people; others stay in the server log.
    const reason = error instanceof AppError ? error.message.slice(0, 500) : 'an unexpected error';
    await store.audit.append({ actor, action: 'import.fail', target: null, detail: { ...attempt, reason } });
    throw error;
  }
  const { batch } = result;
  await store.audit.append({
    actor,
    action: ACTIONS[result.outcome],
    target: batch.id,
    detail: {
      ...attempt,
      counts: { ...batch.counts },
      ...(batch.failure === null ? {} : { reason: batch.failure.slice(0, 500) }),
    },
  });
  return result;
}
