/**
 * Deterministic observation rows for store tests and the kill test: the same arguments always
 * give the same rows and the same file hash.
 */
import { createHash } from 'node:crypto';
import type { ObservationRow } from '../../server/store/models/observation.js';

export function syntheticRows(count: number, period: string, variables = 40): ObservationRow[] {
  const rows: ObservationRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const values: Record<string, number> = {};
    for (let v = 0; v < variables; v += 1) values[`var_${v}`] = ((i * 7919 + v * 104729) % 100000) / 100;
    rows.push({ unit: `U${String(i).padStart(6, '0')}`, period, values });
  }
  return rows;
}

/** A stand-in for the hash of the file these rows would come from. */
export function syntheticSha(count: number, period: string): string {
  return createHash('sha256').update(`synthetic:${count}:${period}`).digest('hex');
}
