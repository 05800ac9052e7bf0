/**
 * The size variables an indicator might be a proxy for, in one period: the units' population when it
 * is known, every input variable that two or more indicators read (a shared denominator such as
 * households or GDP), and any variable the caller names.
 *
 * @example sizeVariables(input, 0, []) // Map { 'population' => …, 'households' => … }
 */
import type { EngineInput } from '../types.js';

export function sizeVariables(
  input: EngineInput,
  period: number,
  named: readonly string[],
): Map<string, Float64Array> {
  const sizes = new Map<string, Float64Array>();
  const population = input.units.population;
  if (population?.some((v) => v === v) === true) sizes.set('population', population);
  const readers = new Map<string, number>();
  for (const indicator of input.tree.indicators) {
    for (const variable of new Set(indicator.inputs)) readers.set(variable, (readers.get(variable) ?? 0) + 1);
  }
  const variables = input.periods[period]?.variables ?? new Map<string, Float64Array>();
  const shared = [...readers].filter(([, count]) => count >= 2).map(([variable]) => variable);
  for (const name of [...shared, ...named]) {
    const column = variables.get(name);
    if (column !== undefined && !sizes.has(name)) sizes.set(name, column);
  }
  return sizes;
}
