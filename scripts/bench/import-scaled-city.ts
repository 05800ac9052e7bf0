/**
 * Puts a scaled city (scaled-city.ts) into a store the way a committed import leaves it: the unit
 * register as one batch, then each period's observations as one batch, for the benchmarks that
 * evaluate or serve a big city.
 *
 * @example await importScaledCity(store, scaledCity(10));
 */
import { createHash } from 'node:crypto';
import { importRecords } from '../../server/store/import-records.js';
import type { Store } from '../../server/store/store.js';
import type { ScaledCity } from './scaled-city.js';

function batch(kind: 'units' | 'observations', name: string, period: string | null) {
  return {
    kind,
    actor: 'bench',
    fileName: name,
    sha256: createHash('sha256').update(name).digest('hex'),
    period,
    periods: period === null ? [] : [period],
  };
}

export async function importScaledCity(store: Store, city: ScaledCity): Promise<void> {
  await importRecords(store, batch('units', 'units', null), city.units, {
    tally: { rows: city.units.length, errors: 0, warnings: 0 },
  });
  for (const [period, rows] of city.observations) {
    await store.periods.ensure(period);
    await importRecords(store, batch('observations', `obs${period}`, period), rows, {
      tally: { rows: rows.length, errors: 0, warnings: 0 },
    });
  }
}
