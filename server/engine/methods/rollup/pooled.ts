/**
 * Pooled roll-up: a parent's raw variables are pooled over its children — counts (variables declared
 * as integers) are summed, other amounts averaged weighted by population (plainly when a population is
 * unknown) — so that a street's grid coverage is Σ households in grids / Σ households rather than a
 * mean of rates. The parents of each level are then scored among themselves with the same methods and
 * weights as their children. A child's missing value is left out of its parent's pool.
 *
 * @example { "method": "pooled" }
 * communities 90/100 and 10/100 households covered: the street has 100/200 = 50 %
 */
import { paramsSchema } from '../param-schemas.js';
import type { UnitLevel } from '../../rollup/levels.js';
import type { EnginePeriod, VariableSpec } from '../../types.js';
import type { RollupMethod } from './contract.js';
import { scoreParents } from './parent-pipeline.js';

export const pooled: RollupMethod<'pooled'> = {
  name: 'pooled',
  params: paramsSchema(),
  label: { zh: '合并分子分母', en: 'pooled numerators and denominators' },
  explain: {
    zh: '上级单位的指标由下级的分子、分母分别相加后计算。',
    en: "A parent's indicators are computed from its children's summed numerators and denominators.",
  },
  prepare: () => ({
    name: 'pooled',
    params: {},
    run: ({ input, result, choices, levels }) => {
      let childPeriods = input.periods;
      let childPopulation =
        input.units.population ?? new Float64Array(input.units.codes.length).fill(Number.NaN);
      return levels.map((level) => {
        const periods = childPeriods.map((period): EnginePeriod => ({
          id: period.id,
          variables: poolVariables(period.variables, level, childPopulation, input.variables),
        }));
        const scored = scoreParents(
          input,
          result,
          choices,
          { codes: level.codes, population: level.population },
          periods,
        );
        childPeriods = periods;
        childPopulation = level.population;
        return {
          codes: level.codes,
          scores: scored.scores.values,
          raw: scored.raw.values,
          normalised: scored.normalised.values,
          notes: [],
        };
      });
    },
  }),
};

function poolVariables(
  variables: ReadonlyMap<string, Float64Array>,
  level: UnitLevel,
  population: Float64Array,
  specs: ReadonlyMap<string, VariableSpec> | undefined,
): Map<string, Float64Array> {
  const parentCount = level.codes.length;
  const pooledColumns = new Map<string, Float64Array>();
  for (const [name, column] of variables) {
    const sum = specs?.get(name)?.integer === true;
    const total = new Float64Array(parentCount);
    const weight = new Float64Array(parentCount);
    level.childParent.forEach((parent, c) => {
      const v = column[c] ?? Number.NaN;
      if (parent < 0 || v - v !== 0) return;
      const people = population[c] ?? Number.NaN;
      const w = sum ? 1 : people > 0 ? people : 1;
      total[parent] = (total[parent] ?? 0) + (sum ? v : w * v);
      weight[parent] = (weight[parent] ?? 0) + w;
    });
    pooledColumns.set(
      name,
      total.map((t, parent) =>
        (weight[parent] ?? 0) === 0 ? Number.NaN : sum ? t : t / (weight[parent] ?? 1),
      ),
    );
  }
  return pooledColumns;
}
