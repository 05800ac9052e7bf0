/**
 * Reading import batches and their validation reports, for the import pages and the API alike:
 * both need data.read, and a batch or report that does not exist is the same NotFoundError.
 *
 * @example const { batch, report } = await importBatch(services, actor, 'imp_…')
 */
import type { ImportBatch } from '../domain/import-batch.js';
import type { ValidationReport } from '../domain/validation-report.js';
import { NotFoundError } from '../errors.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';

/** Batches, newest first. */
export async function importBatches(
  context: { readonly store: Store },
  actor: Actor,
  page: { readonly limit: number; readonly offset?: number },
): Promise<ImportBatch[]> {
  assertMay(actor, 'data.read');
  return context.store.imports.list(page);
}

/** One batch and its validation report (undefined when the batch has none). */
export async function importBatch(
  context: { readonly store: Store },
  actor: Actor,
  id: string,
): Promise<{ batch: ImportBatch; report: ValidationReport | undefined }> {
  assertMay(actor, 'data.read');
  const batch = await context.store.imports.get(id);
  if (batch === undefined) throw new NotFoundError(`no import batch ${id}`);
  return { batch, report: await context.store.imports.report(id) };
}

/** A batch's validation report; NotFoundError when the batch has none. */
export async function importReport(
  context: { readonly store: Store },
  actor: Actor,
  id: string,
): Promise<ValidationReport> {
  assertMay(actor, 'data.read');
  const report = await context.store.imports.report(id);
  if (report === undefined) throw new NotFoundError(`import batch ${id} has no validation report`);
  return report;
}
