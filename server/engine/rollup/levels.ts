/**
 * The unit tree above the scored units, level by level: level 1 holds the parents of the scored units
 * (from `units.parents`), level 2 their parents (from `units.ancestors`), and so on. Each level lists
 * its codes, which code of the level below belongs to which, and each code's population (the sum over
 * its children; NaN when a child's is unknown).
 *
 * @example unitLevels({ codes: ['c1', 'c2'], parents: ['s1', 's1'], ancestors: new Map([['s1', 'd1']]) })
 * // [{ codes: ['s1'], childParent: [0, 0] }, { codes: ['d1'], childParent: [0] }]
 */
import type { EngineUnits } from '../types.js';

export interface UnitLevel {
  readonly codes: readonly string[];
  /** For each code of the level below, the position of its parent in `codes` (-1: none). */
  readonly childParent: Int32Array;
  readonly population: Float64Array;
}

export function unitLevels(units: EngineUnits): UnitLevel[] {
  const levels: UnitLevel[] = [];
  let childCodes = units.codes;
  let childParents: readonly (string | undefined)[] = units.parents ?? [];
  let childPopulation = units.population ?? new Float64Array(units.codes.length).fill(Number.NaN);
  const seen = new Set<string>(units.codes);
  while (childParents.some((p) => p !== undefined && p !== '')) {
    const index = new Map<string, number>();
    const childParent = new Int32Array(childCodes.length).fill(-1);
    childParents.forEach((parent, c) => {
      if (parent === undefined || parent === '') return;
      let at = index.get(parent);
      if (at === undefined) {
        at = index.size;
        index.set(parent, at);
      }
      childParent[c] = at;
    });
    const codes = [...index.keys()];
    const population = new Float64Array(codes.length);
    childParent.forEach((at, c) => {
      if (at >= 0) population[at] = (population[at] ?? 0) + (childPopulation[c] ?? Number.NaN);
    });
    levels.push({ codes, childParent, population });
    // Stop at a cycle rather than loop forever.
    if (codes.some((code) => seen.has(code))) break;
    for (const code of codes) seen.add(code);
    childCodes = codes;
    childParents = codes.map((code) => units.ancestors?.get(code));
    childPopulation = population;
  }
  return levels;
}
