import { expect } from 'chai';
import { generateDemoCity, type DemoCity } from '../../server/demo/demo-city.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import { engineChoices, toEngineInput } from '../../server/indicators/to-engine-input.js';
import { runPipeline } from '../../server/engine/pipeline.js';
import type { EngineResult } from '../../server/engine/result.js';
import { indicatorsDir } from '../../server/paths.js';

/** Scores the demo city's communities with the default framework. */
async function scoreDemo(city: DemoCity): Promise<{ result: EngineResult; codes: string[] }> {
  const framework = (await loadRegistry(indicatorsDir)).resolveFramework('default');
  const communities = city.units.filter((u) => u.level === 'community');
  const codes = communities.map((u) => u.code);
  const index = new Map(codes.map((c, i) => [c, i]));
  const periods = city.periods.map((period) => {
    const variables = new Map(
      framework.variables.map((v) => [v.name, new Float64Array(codes.length).fill(NaN)]),
    );
    for (const o of city.observations.filter((x) => x.period === period)) {
      for (const [name, value] of Object.entries(o.values)) {
        const column = variables.get(name);
        if (column !== undefined && value !== null) column[index.get(o.unit)!] = value;
      }
    }
    return { id: period, variables };
  });
  const settlement = communities.map((u) => u.attributes.urban_rural);
  const input = toEngineInput(framework, { codes, settlement }, periods);
  return { result: runPipeline(input, engineChoices(framework)), codes };
}

function districtMean(
  scored: { result: EngineResult; codes: string[] },
  node: string,
  district: string,
  period: number,
): number {
  const column = scored.result.scores.values.get(node)!;
  const values = scored.codes
    .map((code, i) => ({ code, value: column[period * scored.codes.length + i]! }))
    .filter((x) => x.code.startsWith(district) && Number.isFinite(x.value))
    .map((x) => x.value);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

describe('demo city', function () {
  this.timeout(30_000);
  const city = generateDemoCity();
  let scored: { result: EngineResult; codes: string[] };

  before(async () => {
    scored = await scoreDemo(city);
  });

  it('has one city, 7 districts, 80 streets and 1,000 communities over 3 periods', () => {
    const count = (level: string): number => city.units.filter((u) => u.level === level).length;
    expect([count('city'), count('district'), count('street'), count('community')]).to.deep.equal([
      1, 7, 80, 1000,
    ]);
    expect(city.periods).to.deep.equal(['2023', '2024', '2025']);
    expect(city.observations).to.have.length(3000);
  });

  it('is the same city for the same seed and a different one for another seed', () => {
    expect(generateDemoCity()).to.deep.equal(city);
    expect(generateDemoCity(7).observations[0]).not.to.deep.equal(city.observations[0]);
  });

  it('gives every unit a distinct code and a parent that exists', () => {
    const codes = new Set(city.units.map((u) => u.code));
    expect(codes.size).to.equal(city.units.length);
    for (const unit of city.units)
      if (unit.parent !== undefined) expect(codes.has(unit.parent)).to.equal(true);
  });

  it('rolls community populations up to the city total', () => {
    const communities = city.units.filter((u) => u.level === 'community');
    const total = communities.reduce((sum, u) => sum + u.attributes.resident_population, 0);
    expect(city.units[0]!.attributes.resident_population).to.equal(total);
  });

  it('shows 光谷区 strong in intelligence and weak in autonomy', () => {
    const intelligence = districtMean(scored, 'intelligence', 'WY03', 2);
    const autonomy = districtMean(scored, 'autonomy', 'WY03', 2);
    expect(intelligence - autonomy).to.be.greaterThan(30);
    for (const other of ['WY01', 'WY02', 'WY04', 'WY05', 'WY06', 'WY07']) {
      expect(intelligence).to.be.greaterThan(districtMean(scored, 'intelligence', other, 2));
      expect(autonomy).to.be.lessThan(districtMean(scored, 'autonomy', other, 2));
    }
  });

  it('shows 新港区 improving by more than 10 index points every period', () => {
    const [a, b, c] = [0, 1, 2].map((p) => districtMean(scored, 'index', 'WY04', p));
    expect(b! - a!).to.be.greaterThan(10);
    expect(c! - b!).to.be.greaterThan(10);
  });

  it('leaves 青山区 with the patchiest data', () => {
    const missingShare = (district: string): number => {
      const cells = city.observations
        .filter((o) => o.unit.startsWith(district))
        .flatMap((o) => Object.values(o.values));
      return cells.filter((v) => v === null).length / cells.length;
    };
    const qingshan = missingShare('WY06');
    expect(qingshan).to.be.greaterThan(0.2);
    for (const other of ['WY01', 'WY02', 'WY03', 'WY04', 'WY05', 'WY07'])
      expect(qingshan).to.be.greaterThan(3 * missingShare(other));
  });
});
