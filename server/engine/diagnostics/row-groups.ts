/**
 * Group numbers per row (unit × period) for ranks and medians within a group and period: units
 * sharing a label in the same period share a group; a unit without a label gets -1.
 *
 * @example rowGroups(['a', 'b', 'a'], 2) // { groups: [0, 1, 0, 2, 3, 2], count: 4 }
 */
export interface RowGroups {
  readonly groups: Int32Array;
  readonly count: number;
}

export function rowGroups(labels: readonly (string | undefined)[], periodCount: number): RowGroups {
  const numbers = new Map<string, number>();
  const unitGroup = labels.map((label) => {
    if (label === undefined || label === '') return -1;
    let g = numbers.get(label);
    if (g === undefined) {
      g = numbers.size;
      numbers.set(label, g);
    }
    return g;
  });
  const labelCount = numbers.size;
  const unitCount = labels.length;
  const groups = new Int32Array(unitCount * periodCount);
  for (let p = 0; p < periodCount; p++) {
    for (let u = 0; u < unitCount; u++) {
      const g = unitGroup[u] ?? -1;
      groups[p * unitCount + u] = g < 0 ? -1 : p * labelCount + g;
    }
  }
  return { groups, count: labelCount * periodCount };
}
