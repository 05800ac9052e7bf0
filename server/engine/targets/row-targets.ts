/**
 * From resolved override rows (resolve-targets.ts) to what the diagnostics read per row: the
 * thresholds table for traffic lights, and each row's own target (NaN: the indicator's) for the pace
 * needed. An indicator without overrides gets undefined, so its path stays the default one.
 *
 * @example rowTargets(Int32Array.of(-1, 0), [{ indicator: 'x', when, goalposts: { floor: 0, target: 80 } }]) // [NaN, 80]
 */
import type { RowThresholds } from '../diagnostics/traffic-lights.js';
import type { TargetOverride } from '../types.js';

export function rowThresholds(
  rows: Int32Array | undefined,
  overrides: readonly TargetOverride[],
): RowThresholds | undefined {
  if (rows === undefined || !overrides.some((o) => o.thresholds !== undefined)) return undefined;
  return { rows, thresholds: overrides.map((o) => o.thresholds) };
}

export function rowTargets(
  rows: Int32Array | undefined,
  overrides: readonly TargetOverride[],
): Float64Array | undefined {
  if (rows === undefined) return undefined;
  const targets = new Float64Array(rows.length).fill(Number.NaN);
  let any = false;
  for (let i = 0; i < rows.length; i++) {
    const target = overrides[rows[i] ?? -1]?.goalposts?.target;
    if (target === undefined) continue;
    targets[i] = target;
    any = true;
  }
  return any ? targets : undefined;
}
