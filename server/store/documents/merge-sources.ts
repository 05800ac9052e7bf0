/**
 * Which observation is current, from the rows of every usable batch of one period: only the listed
 * sources count, and per unit and variable the value comes from the first listed source that has
 * one; within a source, the latest batch's row is that source's (with one source: per unit the
 * latest batch's row, as before sources existed).
 *
 * @example mergeBySource(rows, ['street', 'self']) // a street-checked value beats the community's own
 */
import type { DataSource } from '../../domain/data-source.js';
import type { Observation, ValueOrigin } from '../models/observation.js';

interface Sourced extends Observation {
  readonly source: DataSource;
}

/** The observation without the source bookkeeping (its status says what pages need). */
function strip(row: Sourced): Observation {
  return {
    unit: row.unit,
    period: row.period,
    values: row.values,
    batch: row.batch,
    sequence: row.sequence,
    ...(row.status === undefined ? {} : { status: row.status }),
  };
}

/** The latest row per key among rows, by sequence. */
function latestBy(rows: readonly Sourced[], key: (row: Sourced) => string): Map<string, Sourced> {
  const latest = new Map<string, Sourced>();
  for (const row of rows) {
    const seen = latest.get(key(row));
    if (seen === undefined || row.sequence > seen.sequence) latest.set(key(row), row);
  }
  return latest;
}

export function mergeBySource(rows: readonly Sourced[], sources: readonly DataSource[]): Observation[] {
  const latest = latestBy(
    rows.filter((row) => sources.includes(row.source)),
    (row) => `${row.unit}\t${row.source}`,
  );
  return [...new Set(rows.map((row) => row.unit))].flatMap((unit) => {
    const ranked = sources.flatMap((source) => latest.get(`${unit}\t${source}`) ?? []);
    const first = ranked[0];
    if (first === undefined) return [];
    const values: Record<string, number> = {};
    const from: Record<string, ValueOrigin> = {};
    for (const row of ranked) {
      for (const [name, value] of Object.entries(row.values)) {
        if (name in values) continue;
        values[name] = value;
        from[name] = { batch: row.batch, status: row.status ?? 'self' };
      }
    }
    return [{ ...strip(first), values, origins: from }];
  });
}
