/**
 * Units sorted once by a key and then walked in either direction: the units with a value in
 * ascending order, and apart from them the units without one, which come last either way.
 *
 * @example
 * const sorted = sortedByValue([0, 1, 2], (i) => [30, NaN, 10][i]!);
 * [...walk(sorted, 'desc')] // [0, 2, 1]
 */
import type { SortDir } from './sort-header.js';

export interface SortedMembers {
  readonly present: Int32Array;
  readonly missing: Int32Array;
}

export function sortedByValue(members: readonly number[], value: (unit: number) => number): SortedMembers {
  const units = new Int32Array(members.length);
  const values = new Float64Array(members.length);
  const missing: number[] = [];
  let n = 0;
  for (const unit of members) {
    const v = value(unit);
    if (Number.isFinite(v)) {
      units[n] = unit;
      values[n++] = v;
    } else missing.push(unit);
  }
  // Sort positions by value (typed arrays, no lookups in the comparator), ties by unit.
  const order = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (values[a] ?? 0) - (values[b] ?? 0) || (units[a] ?? 0) - (units[b] ?? 0),
  );
  return { present: order.map((i) => units[i] ?? 0), missing: Int32Array.from(missing) };
}

export function sortedByText(
  members: readonly number[],
  text: (unit: number) => string,
  collator: Intl.Collator,
): SortedMembers {
  const keyed = members.map((unit) => ({ unit, key: text(unit) }));
  keyed.sort((a, b) => collator.compare(a.key, b.key) || a.unit - b.unit);
  return { present: Int32Array.from(keyed, (k) => k.unit), missing: new Int32Array(0) };
}

export function* walk(sorted: SortedMembers, dir: SortDir): Generator<number> {
  const { present, missing } = sorted;
  if (dir === 'asc') yield* present;
  else for (let i = present.length - 1; i >= 0; i--) yield present[i] ?? 0;
  yield* missing;
}
