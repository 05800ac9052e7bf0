/**
 * A store large enough that backing it up or restoring it takes a while (the kill tests stop the
 * process half way): `units` communities with one period of observations of 40 variables each,
 * imported the way the app imports them. Built in an embedded store under `dataDir`.
 */
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { importRecords } from '../../server/store/import-records.js';
import { registerCommunities } from '../hardening/support/framework-csv.js';
import { syntheticRows, syntheticSha } from '../support/synthetic-observations.js';

const PERIOD = '2025';

export async function fillBigStore(dataDir: string, units: number): Promise<void> {
  const store = await EmbeddedStore.open(dataDir);
  try {
    const rows = syntheticRows(units, PERIOD);
    await registerCommunities(
      store,
      rows.map((row) => row.unit),
    );
    const result = await importRecords(
      store,
      {
        kind: 'observations',
        actor: 'kill-test',
        fileName: 'big.csv',
        sha256: syntheticSha(units, PERIOD),
        period: PERIOD,
        periods: [PERIOD],
      },
      rows,
      { tally: { rows: units, errors: 0, warnings: 0 } },
    );
    if (result.outcome !== 'committed') throw new Error(`the big store's import ${result.outcome}`);
  } finally {
    await store.close();
  }
}
