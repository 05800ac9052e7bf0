/**
 * Synthetic data for the engine benchmark: for every variable of a framework, one Float64Array per
 * period with plausible values. Each formula "a / b …" makes b a size (log-normal, a few zeros) and a
 * a share of it; 0/1 variables are yes/no; other variables are skewed positive amounts, so that outlier
 * treatment has work to do. About 2 % of cells are missing. Deterministic for a given seed.
 *
 * @example syntheticVariables(framework, 600_000, 1) // Map<variable, Float64Array>
 */
import type { ResolvedFramework } from '../../server/indicators/registry-types.js';
import { engineColumn } from '../../server/engine/parallel/pool.js';

/** mulberry32: a small, fast, seedable generator. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticVariables(
  framework: ResolvedFramework,
  units: number,
  seed: number,
): Map<string, Float64Array> {
  const next = random(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next());
  const denominatorOf = new Map<string, string>();
  for (const indicator of framework.indicators) {
    for (const [, numerator, denominator] of indicator.definition.formula.matchAll(/(\w+)\s*\/\s*(\w+)/g)) {
      if (numerator !== undefined && denominator !== undefined) denominatorOf.set(numerator, denominator);
    }
  }
  const denominators = new Set(denominatorOf.values());
  const columns = new Map<string, Float64Array>();
  const make = (name: string): Float64Array => {
    const done = columns.get(name);
    if (done !== undefined) return done;
    const v = framework.variables.find((x) => x.name === name);
    const integer = v?.type === 'integer';
    // As the evaluation builds its columns (server/evaluation/engine-data.ts): shared when large.
    const column = engineColumn(units);
    const base = denominatorOf.get(name);
    const size = base === undefined ? undefined : make(base);
    const quality = 0.5 + 0.3 * next();
    for (let i = 0; i < units; i++) {
      let x: number;
      if (size !== undefined) x = (size[i] ?? 0) * Math.min(1, Math.max(0, quality + 0.2 * normal()));
      else if (v?.maximum === 1) x = next() < 0.7 ? 1 : 0;
      else if (denominators.has(name)) x = next() < 0.001 ? 0 : Math.exp(6 + 0.8 * normal());
      else x = Math.exp(1 + 0.9 * normal());
      if (integer) x = Math.round(x);
      column[i] = next() < 0.02 ? Number.NaN : x;
    }
    columns.set(name, column);
    return column;
  };
  for (const v of framework.variables) make(v.name);
  return columns;
}
