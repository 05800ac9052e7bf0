/**
 * The use case behind the methodology page's data-quality section: the observations batches an
 * evaluation's data came from, with their reports — committed batches holding one of its periods,
 * committed before the evaluation was created (so the section does not change after the fact),
 * whose report kept warnings or completeness. The reports name rows and raw values of every unit,
 * so only readers of the data (data.read: evaluators, researchers, admins) get them; an official
 * (viewer), who may be limited to some units, gets none.
 *
 * @example const quality = await batchQualityOf(services, actor, evaluation) // [] for a viewer
 */
import { can } from '../access/permissions.js';
import type { Evaluation } from '../domain/evaluation.js';
import type { BatchQuality } from '../reports/views/data-quality.js';
import type { Store } from '../store/store.js';
import type { Actor } from './actor.js';

export async function batchQualityOf(
  context: { readonly store: Store },
  actor: Actor,
  evaluation: Evaluation,
): Promise<BatchQuality[]> {
  if (!can(actor.role, 'data.read')) return [];
  const { store } = context;
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
