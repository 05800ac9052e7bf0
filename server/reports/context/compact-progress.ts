/**
 * The progress section as the reports keep it: each value column a Float64Array (NaN where the
 * stored cell is null), each status column and each level's "worse and worsening" flags a
 * Uint8Array, instead of JSON arrays of boxed numbers. A 100,000-community evaluation's progress is
 * tens of millions of cells, which the garbage collector would otherwise walk on every full
 * collection while the server answers requests, and which a kept snapshot (report-snapshots.ts)
 * reads back as bytes instead of one element at a time.
 *
 * @example compactProgress(readProgressSection(stored))?.value.index[row] // NaN when missing
 */
import type { ProgressDocument } from '../../evaluation/progress-document.js';

export interface CompactProgress extends Omit<ProgressDocument, 'value' | 'status' | 'worseAndWorsening'> {
  readonly value: Readonly<Record<string, Float64Array>>;
  /** Per series and row, a position in `statuses` (the engine has a handful of them). */
  readonly status: Readonly<Record<string, Uint8Array>>;
  /** Per level (scored units, then each roll-up level) and row: 1 = worse than peers and worsening. */
  readonly worseAndWorsening: readonly Uint8Array[];
}

export function compactProgress(progress: ProgressDocument | null): CompactProgress | null {
  if (progress === null) return null;
  const value: Record<string, Float64Array> = {};
  for (const [id, cells] of Object.entries(progress.value)) {
    value[id] = Float64Array.from(cells, (cell) => cell ?? Number.NaN);
  }
  const status: Record<string, Uint8Array> = {};
  for (const [id, codes] of Object.entries(progress.status)) status[id] = Uint8Array.from(codes);
  return {
    ...progress,
    value,
    status,
    worseAndWorsening: progress.worseAndWorsening.map((flags) => Uint8Array.from(flags)),
  };
}
