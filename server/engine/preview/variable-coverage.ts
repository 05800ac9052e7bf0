/**
 * How many units have data for each variable: a unit counts when it reported a value in at least
 * one of the periods. The impact preview shows it for the variables a draft adds or changes, so a
 * researcher sees before publishing which new columns nobody has collected yet.
 *
 * @example
 * variableCoverage(3, [{ variables: new Map([['x', Float64Array.of(1, NaN, NaN)]]) },
 *                      { variables: new Map([['x', Float64Array.of(NaN, 2, NaN)]]) }], ['x'])
 * // [{ name: 'x', unitsWithData: 2, unitCount: 3, share: 0.666… }]
 */
export interface VariableCoverage {
  readonly name: string;
  readonly unitsWithData: number;
  readonly unitCount: number;
  /** unitsWithData / unitCount; null when there are no units. */
  readonly share: number | null;
}

export function variableCoverage(
  unitCount: number,
  periods: readonly { readonly variables: ReadonlyMap<string, ArrayLike<number>> }[],
  names: readonly string[],
): VariableCoverage[] {
  return names.map((name) => {
    const seen = new Uint8Array(unitCount);
    for (const period of periods) {
      const column = period.variables.get(name);
      if (column === undefined) continue;
      for (let unit = 0; unit < unitCount; unit++) {
        const value = column[unit] ?? Number.NaN;
        if (value === value) seen[unit] = 1;
      }
    }
    const unitsWithData = seen.reduce((sum, flag) => sum + flag, 0);
    return { name, unitsWithData, unitCount, share: unitCount === 0 ? null : unitsWithData / unitCount };
  });
}
