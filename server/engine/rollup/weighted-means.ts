/**
 * The arithmetic of the population-weighted roll-up, apart from the method's definition so that the
 * Monte Carlo (uncertainty/level-ranks.ts) rolls each run's scores up by the very same code: each
 * column's mean per parent and period weighted by the children's population, and the parents that
 * take the plain mean because a child's population is unknown.
 *
 * @example weightedMeans(new Map([['index', scores]]), level, population, unweightedParents(level, population), 1)
 */
import type { UnitLevel } from './levels.js';

type Columns = ReadonlyMap<string, Float64Array>;

/** Each column's weighted mean per parent and period; `unweighted` parents take the plain mean. */
export function weightedMeans(
  columns: Columns,
  level: UnitLevel,
  childPopulation: Float64Array,
  unweighted: ReadonlySet<number>,
  periodCount: number,
): Map<string, Float64Array> {
  const parentCount = level.codes.length;
  const childCount = level.childParent.length;
  const out = new Map<string, Float64Array>();
  for (const [id, column] of columns) {
    const total = new Float64Array(parentCount * periodCount);
    const weight = new Float64Array(parentCount * periodCount);
    for (let p = 0; p < periodCount; p++) {
      for (let c = 0; c < childCount; c++) {
        const parent = level.childParent[c] ?? -1;
        const v = column[p * childCount + c] ?? Number.NaN;
        if (parent < 0 || v !== v) continue;
        const w = unweighted.has(parent) ? 1 : (childPopulation[c] ?? 0);
        const row = p * parentCount + parent;
        total[row] = (total[row] ?? 0) + w * v;
        weight[row] = (weight[row] ?? 0) + w;
      }
    }
    out.set(
      id,
      total.map((t, row) => ((weight[row] ?? 0) > 0 ? t / (weight[row] ?? 1) : Number.NaN)),
    );
  }
  return out;
}

/** The parents with a child of unknown (or no) population: they take the plain mean of their children. */
export function unweightedParents(level: UnitLevel, childPopulation: Float64Array): Set<number> {
  const unweighted = new Set<number>();
  level.childParent.forEach((parent, c) => {
    if (parent >= 0 && !((childPopulation[c] ?? Number.NaN) > 0)) unweighted.add(parent);
  });
  return unweighted;
}
