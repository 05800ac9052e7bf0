/**
 * Shared pieces of the Store contract: a store per suite, sample units, and imports in one call.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { ValidationError } from '../../server/errors.js';
import { importRecords, type ImportResult } from '../../server/store/import-records.js';
import type { ObservationRow } from '../../server/store/models/observation.js';
import type { Unit, UnitAttributes, UnitLevel } from '../../server/store/models/unit.js';
import type { Store } from '../../server/store/store.js';
import { openLocation, type FreshLocation } from '../support/store-location.js';

/** Opens a fresh store before the suite's tests and closes it after; read `current()` in tests. */
export function storePerSuite(fresh: FreshLocation): { current: () => Store } {
  let store: Store | undefined;
  before(async function () {
    store = await openLocation(await fresh(this));
  });
  after(async () => {
    await store?.close();
  });
  return {
    current: () => {
      if (store === undefined) throw new Error('store not open');
      return store;
    },
  };
}

export function unit(
  code: string,
  level: UnitLevel,
  parent: string | null,
  attributes: UnitAttributes = {},
): Unit {
  return { code, name: { zh: `单位${code}`, en: `Unit ${code}` }, level, parent, attributes };
}

export function shaOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export async function importUnits(
  store: Store,
  units: readonly Unit[],
  file = JSON.stringify(units),
): Promise<ImportResult> {
  return importRecords(
    store,
    { kind: 'units', actor: 'tester', fileName: 'units.csv', sha256: shaOf(file), period: null, periods: [] },
    units,
    { tally: { rows: units.length, errors: 0, warnings: 0 } },
  );
}

export async function importObservations(
  store: Store,
  period: string,
  rows: readonly ObservationRow[],
  file = JSON.stringify(rows),
): Promise<ImportResult> {
  return importRecords(
    store,
    {
      kind: 'observations',
      actor: 'tester',
      fileName: 'data.csv',
      sha256: shaOf(file),
      period,
      periods: [period],
    },
    rows,
    { tally: { rows: rows.length, errors: 0, warnings: 0 } },
  );
}

/** The paths a ValidationError names; fails the test for any other error. */
export function pathsOf(error: Error): (string | undefined)[] {
  if (!(error instanceof ValidationError))
    expect.fail(`expected a ValidationError, got ${error.name}: ${error.message}`);
  return error.details.map((detail) => detail.where);
}

/** Awaits a promise that must reject; returns the error for further checks. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(Error);
    return error as Error;
  }
  expect.fail('expected the promise to reject');
}
