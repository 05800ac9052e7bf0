/**
 * Present values ordered within groups: the rows of each group's present values in ascending order,
 * group after group, found with one radix sort by value and one stable counting sort by group (O(n)).
 * Used for ranks within a parent unit or peer group and for peer-group medians.
 *
 * @example groupedAscending(Float64Array.of(3, 1, 2), Int32Array.of(0, 1, 0), 2)
 * // rows [2, 0, 1], starts [0, 2, 3]: group 0 holds rows 2 (value 2) and 0 (value 3), group 1 row 1
 */
import { sortedKeys } from './rank.js';

export interface GroupedOrder {
  /** Rows grouped by group number, each group ascending by value. */
  readonly rows: Uint32Array;
  /** Group g occupies rows[starts[g]] … rows[starts[g + 1] - 1]. */
  readonly starts: Uint32Array;
}

export function groupedAscending(values: Float64Array, groups: Int32Array, groupCount: number): GroupedOrder {
  const { rows: ascending } = sortedKeys(values);
  const counts = new Uint32Array(groupCount + 1);
  const m = ascending.length;
  for (let k = 0; k < m; k++) {
    const g = groups[ascending[k] ?? 0] ?? -1;
    if (g >= 0) counts[g + 1] = (counts[g + 1] ?? 0) + 1;
  }
  for (let g = 0; g < groupCount; g++) counts[g + 1] = (counts[g + 1] ?? 0) + (counts[g] ?? 0);
  const starts = counts.slice();
  const rows = new Uint32Array(counts[groupCount] ?? 0);
  for (let k = 0; k < m; k++) {
    const row = ascending[k] ?? 0;
    const g = groups[row] ?? -1;
    if (g < 0) continue;
    const at = counts[g] ?? 0;
    rows[at] = row;
    counts[g] = at + 1;
  }
  return { rows, starts };
}

/**
 * Ranks within each group, R's rank(-x, ties = "min") inside the group: 1 = best; a missing value or
 * a row without a group gets 0.
 *
 * @example ranksWithinGroups(Float64Array.of(3, 1, 2), Int32Array.of(0, 1, 0), 2) // [1, 1, 2]
 */
export function ranksWithinGroups(values: Float64Array, groups: Int32Array, groupCount: number): Uint32Array {
  const { rows, starts } = groupedAscending(values, groups, groupCount);
  const ranks = new Uint32Array(values.length);
  for (let g = 0; g < groupCount; g++) {
    const first = starts[g] ?? 0;
    const end = starts[g + 1] ?? 0;
    let k = end - 1;
    // Walk down from the largest: a run of equal values shares 1 + the number above it.
    while (k >= first) {
      const value = values[rows[k] ?? 0];
      const rank = end - k;
      let j = k;
      while (j >= first && values[rows[j] ?? 0] === value) {
        ranks[rows[j] ?? 0] = rank;
        j--;
      }
      k = j;
    }
  }
  return ranks;
}

/** The median of each group's present values (NaN for a group without any). */
export function groupMedians(values: Float64Array, groups: Int32Array, groupCount: number): Float64Array {
  const { rows, starts } = groupedAscending(values, groups, groupCount);
  const medians = new Float64Array(groupCount).fill(Number.NaN);
  for (let g = 0; g < groupCount; g++) {
    const first = starts[g] ?? 0;
    const n = (starts[g + 1] ?? 0) - first;
    if (n === 0) continue;
    const upper = values[rows[first + (n >> 1)] ?? 0] ?? Number.NaN;
    medians[g] = n % 2 === 1 ? upper : ((values[rows[first + (n >> 1) - 1] ?? 0] ?? Number.NaN) + upper) / 2;
  }
  return medians;
}
