/**
 * The observations batches an evaluation's data came from, with their reports, for the methodology
 * page's data-quality section: committed batches holding one of its periods, committed before the
 * evaluation was created (so the section does not change after the fact), whose report kept warnings
 * or completeness.
 */
import type { Evaluation } from '../../store/models/evaluation.js';
import type { Store } from '../../store/store.js';
import type { BatchQuality } from '../../reports/views/data-quality.js';

export async function batchQualityOf(store: Store, evaluation: Evaluation): Promise<BatchQuality[]> {
  const batches = await store.imports.list({ kind: 'observations', status: 'committed' });
  const used = batches.filter(
    (batch) =>
      batch.hasReport &&
      batch.committedAt !== null &&
      batch.committedAt <= evaluation.createdAt &&
      batch.periods.some((period) => evaluation.periods.includes(period)),
  );
  const out: BatchQuality[] = [];
  for (const batch of used.reverse()) {
    const report = await store.imports.report(batch.id);
    if (report !== undefined && (report.warnings > 0 || (report.completeness ?? []).length > 0))
      out.push({ fileName: batch.fileName, report });
  }
  return out;
}
