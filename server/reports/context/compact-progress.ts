/**
 * The progress section as the reports keep it: each value column a Float64Array (NaN where the
 * stored cell is null) instead of a JSON array of boxed numbers. A 100,000-community evaluation's
 * progress values are millions of cells, which the garbage collector would otherwise walk on every
 * full collection while the server answers requests.
 *
 * @example compactProgress(readProgressSection(stored))?.value.index[row] // NaN when missing
 */
import type { ProgressDocument } from '../../evaluation/progress-document.js';

export interface CompactProgress extends Omit<ProgressDocument, 'value'> {
  readonly value: Readonly<Record<string, Float64Array>>;
}

export function compactProgress(progress: ProgressDocument | null): CompactProgress | null {
  if (progress === null) return null;
  const value: Record<string, Float64Array> = {};
  for (const [id, cells] of Object.entries(progress.value)) {
    value[id] = Float64Array.from(cells, (cell) => cell ?? Number.NaN);
  }
  return { ...progress, value };
}
