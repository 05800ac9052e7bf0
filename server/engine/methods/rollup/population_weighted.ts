/**
 * Population-weighted roll-up (the default): a parent's score on every node, and its value on every
 * indicator (raw and normalised), is the mean of its children's weighted by resident population; a
 * level further up weighs each child by the population of everything below it. A parent with a child
 * of unknown population takes the plain mean of its children, and says so.
 *
 * @example { "method": "population_weighted" }
 * a street with communities scoring 60 (4,000 residents) and 80 (1,000) scores 64
 */
import { paramsSchema } from '../param-schemas.js';
import { unweightedParents, weightedMeans } from '../../rollup/weighted-means.js';
import type { RollupMethod } from './contract.js';

type Columns = ReadonlyMap<string, Float64Array>;

export const population_weighted: RollupMethod<'population_weighted'> = {
  name: 'population_weighted',
  params: paramsSchema(),
  label: { zh: '按常住人口加权平均', en: 'population-weighted mean' },
  explain: {
    zh: '上级单位的得分是下级得分按常住人口加权的平均。',
    en: "A parent's score is the resident-population-weighted mean of its children's scores.",
  },
  prepare: () => ({
    name: 'population_weighted',
    params: {},
    run: ({ result, levels, input }) => {
      const periodCount = result.periodIds.length;
      let childScores: Columns = result.scores.values;
      let childRaw: Columns = result.raw.values;
      let childNormalised: Columns = result.normalised.values;
      let childPopulation = input.units.population ?? new Float64Array(result.unitCount).fill(Number.NaN);
      return levels.map((level) => {
        const unweighted = unweightedParents(level, childPopulation);
        const roll = (columns: Columns) =>
          weightedMeans(columns, level, childPopulation, unweighted, periodCount);
        const scores = roll(childScores);
        const raw = roll(childRaw);
        const normalised = roll(childNormalised);
        childScores = scores;
        childRaw = raw;
        childNormalised = normalised;
        childPopulation = level.population;
        const notes =
          unweighted.size === 0
            ? []
            : [`${unweighted.size} parent(s) with a child of unknown population: plain mean of the children`];
        return { codes: level.codes, scores, raw, normalised, notes };
      });
    },
  }),
};
