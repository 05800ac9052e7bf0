/**
 * Checked observations → the engine's layout: the units in the order of their first row, and per
 * period one Float64Array per variable (NaN where the file had nothing). This is how a data file
 * goes straight into the engine (the `score` style of use) after every check the import makes.
 *
 * @example observationColumns(checked, ['households']).periods[0].variables.get('households')
 */
import type { EnginePeriod } from '../engine/types.js';
import type { CheckedObservations } from './validate-observations.js';

export interface ObservationColumns {
  readonly codes: readonly string[];
  readonly periods: readonly EnginePeriod[];
}

export function observationColumns(
  checked: Pick<CheckedObservations, 'rows' | 'periods'>,
  variables: readonly string[],
): ObservationColumns {
  const unitIndex = new Map<string, number>();
  const codes: string[] = [];
  for (const { unit } of checked.rows) {
    if (!unitIndex.has(unit)) {
      unitIndex.set(unit, codes.length);
      codes.push(unit);
    }
  }
  const byPeriod = new Map<string, Map<string, Float64Array>>(
    checked.periods.map((id) => [
      id,
      new Map(variables.map((name) => [name, new Float64Array(codes.length).fill(Number.NaN)])),
    ]),
  );
  for (const { unit, period, values } of checked.rows) {
    const columns = byPeriod.get(period);
    const at = unitIndex.get(unit);
    if (columns === undefined || at === undefined) continue;
    for (const name in values) {
      const column = columns.get(name);
      if (column !== undefined) column[at] = values[name] ?? Number.NaN;
    }
  }
  return { codes, periods: [...byPeriod].map(([id, columns]) => ({ id, variables: columns })) };
}
