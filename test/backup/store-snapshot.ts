/**
 * Everything a store answers through its API, read the way the app reads it, so two stores can be
 * compared with one deep equality: units (list, and the history of every 25th unit), periods,
 * observations (current per period, and history for the sampled units), imports with their
 * reports, evaluations with their results, users, the audit log and the active credentials.
 */
import type { Store } from '../../server/store/store.js';

const ALL = { limit: 1000 } as const;

async function inOrder<T, R>(items: readonly T[], read: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await read(item));
  return out;
}

export async function storeSnapshot(store: Store): Promise<Record<string, unknown>> {
  const units = await store.units.list();
  const sampled = units.map((unit) => unit.code).filter((_, index) => index % 25 === 0);
  const periods = await store.observations.periods();
  const imports = await store.imports.list(ALL);
  const evaluations = await store.evaluations.list(ALL);
  return {
    units,
    unitCodes: await store.units.codes(),
    unitHistory: await inOrder(sampled, (code) => store.units.history(code)),
    periods: await store.periods.list(),
    observationPeriods: periods,
    observations: await inOrder(periods, (period) => store.observations.current({ period })),
    observationHistory: await inOrder(periods, (period) =>
      inOrder(sampled, (code) => store.observations.history(code, period)),
    ),
    imports,
    importReports: await inOrder(imports, (batch) => store.imports.report(batch.id)),
    importRows: await inOrder(imports, (batch) => store.imports.storedRowCount(batch.id)),
    evaluations,
    evaluationsById: await inOrder(evaluations, (evaluation) => store.evaluations.get(evaluation.id)),
    results: await inOrder(evaluations, (evaluation) => store.evaluations.readResults(evaluation.id)),
    users: await store.users.list(),
    audit: await store.audit.list(ALL),
    credentials: await store.sessions.list(),
  };
}
