/**
 * What a reader of the store can see, in one comparable value: the current units, the number of
 * current observations per period and the committed batches. Equal snapshots before and after a
 * refused upload mean the upload changed nothing visible; `rowsLeftBy` checks that the batches it
 * recorded as failed hold no rows either.
 *
 * @example expect(await snapshot(store)).to.deep.equal(before)
 */
import type { ImportBatch } from '../../../server/store/models/import-batch.js';
import type { StoredUnit } from '../../../server/store/models/unit.js';
import type { Store } from '../../../server/store/store.js';

export interface Snapshot {
  readonly units: readonly StoredUnit[];
  readonly observationsPerPeriod: Readonly<Record<string, number>>;
  readonly committedBatches: readonly string[];
}

export async function snapshot(store: Store): Promise<Snapshot> {
  const periods = await store.observations.periods();
  const counts = await Promise.all(
    periods.map(async (period) => [period, (await store.observations.current({ period })).length] as const),
  );
  return {
    units: await store.units.list(),
    observationsPerPeriod: Object.fromEntries(counts),
    committedBatches: (await store.imports.list({ status: 'committed', limit: 1000 })).map((b) => b.id),
  };
}

/** The batches created after `known` (ids), with the rows each still holds in the store. */
export async function batchesSince(
  store: Store,
  known: ReadonlySet<string>,
): Promise<{ batch: ImportBatch; rows: number }[]> {
  const fresh = (await store.imports.list({ limit: 1000 })).filter((b) => !known.has(b.id));
  return Promise.all(
    fresh.map(async (batch) => ({ batch, rows: await store.imports.storedRowCount(batch.id) })),
  );
}
