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
  const present: number[] = [];
  const missing: number[] = [];
  const values = new Map<number, number>();
  for (const unit of members) {
    const v = value(unit);
    if (Number.isFinite(v)) {
      present.push(unit);
      values.set(unit, v);
    } else missing.push(unit);
  }
  present.sort((a, b) => (values.get(a) ?? 0) - (values.get(b) ?? 0) || a - b);
  return { present: Int32Array.from(present), missing: Int32Array.from(missing) };
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
