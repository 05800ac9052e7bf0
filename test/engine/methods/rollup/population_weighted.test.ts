import { expect } from 'chai';
import { runPipeline } from '../../../../server/engine/pipeline.js';
import { rollUp } from '../../../../server/engine/rollup/roll-up.js';
import type { EngineInput } from '../../../../server/engine/types.js';
import { smallInput } from '../../support/small-input.js';

/** Three communities scoring 0, 50 and 100 (one indicator, min-max), in two streets of one district. */
function input(population: number[]): EngineInput {
  const base = smallInput({
    units: ['c1', 'c2', 'c3'],
    indicators: [{ id: 'x', parent: 'index', values: [[0, 5, 10]] }],
  });
  return {
    ...base,
    units: {
      ...base.units,
      parents: ['s1', 's1', 's2'],
      ancestors: new Map([
        ['s1', 'd1'],
        ['s2', 'd1'],
      ]),
      population: Float64Array.from(population),
    },
  };
}

describe('roll-up: population_weighted', () => {
  const none = { treatment: { method: 'none' } };

  it('weights each community by its residents', () => {
    // s1 = (4000·0 + 1000·50) / 5000 = 10
    const data = input([4000, 1000, 2000]);
    const street = rollUp(data, runPipeline(data, none)).levels[0]!;
    expect(street.codes).to.deep.equal(['s1', 's2']);
    expect(street.scores.get('index')![0]).to.be.closeTo(10, 1e-12);
    expect(street.scores.get('index')![1]).to.equal(100);
  });

  it('weights a district by the population below each street', () => {
    // d1 = (5000·10 + 2000·100) / 7000
    const data = input([4000, 1000, 2000]);
    const district = rollUp(data, runPipeline(data, none)).levels[1]!;
    expect(district.codes).to.deep.equal(['d1']);
    expect(district.scores.get('index')![0]).to.be.closeTo(250_000 / 7000, 1e-12);
  });

  it('ranks the streets within their level', () => {
    const data = input([4000, 1000, 2000]);
    expect(Array.from(rollUp(data, runPipeline(data, none)).levels[0]!.ranks.get('index')!)).to.deep.equal([
      2, 1,
    ]);
  });

  it('takes the plain mean of a street with a community of unknown population, and says so', () => {
    const data = input([4000, Number.NaN, 2000]);
    const rollup = rollUp(data, runPipeline(data, none));
    expect(rollup.levels[0]!.scores.get('index')![0]).to.equal(25);
    expect(rollup.log.some((e) => e.message.includes('unknown population'))).to.equal(true);
  });
});

describe('roll-up: population_weighted indicator values', () => {
  const none = { treatment: { method: 'none' } };

  it('rolls each indicator’s raw and normalised values up with the same weights', () => {
    // raw x = 0, 5, 10 and normalised 0, 50, 100: s1 = (4000·0 + 1000·5) / 5000 = 1 raw, 10 normalised
    const data = input([4000, 1000, 2000]);
    const street = rollUp(data, runPipeline(data, none)).levels[0]!;
    expect(street.raw!.get('x')![0]).to.be.closeTo(1, 1e-12);
    expect(street.normalised!.get('x')![0]).to.be.closeTo(10, 1e-12);
    expect(street.raw!.get('x')![1]).to.equal(10);
  });

  it('takes the plain mean of the raw values of a street with a community of unknown population', () => {
    // s1 = (0 + 5) / 2, not 0 (the community of unknown size weighed by nothing)
    const data = input([4000, Number.NaN, 2000]);
    expect(rollUp(data, runPipeline(data, none)).levels[0]!.raw!.get('x')![0]).to.equal(2.5);
  });
});
