/**
 * What the rank intervals of the streets and districts add to a Monte Carlo analysis: each run rolls
 * its root scores up the unit tree and ranks every level (server/engine/uncertainty/level-ranks.ts).
 * Runs the same analysis on this thread with the levels ranked (population-weighted roll-up) and
 * without (the pooled roll-up, whose levels the runs do not rank), after a warm-up of each,
 * alternately, best of `--repeat`, on the
 * demo city (1,000 communities, its streets and districts, 3 periods, the demo's own settings) and
 * on a synthetic case (10,000 units under 500 streets under 25 districts, one period). Also times the
 * level ranking of one run alone.
 *
 * Run: npx tsx scripts/bench/level-intervals-bench.ts [--replications 200] [--repeat 2]
 */
import { performance } from 'node:perf_hooks';
import { generateDemoCity } from '../../server/demo/demo-city.js';
import type { EngineInput, EnginePeriod, MethodChoices } from '../../server/engine/types.js';
import { levelRanker } from '../../server/engine/uncertainty/level-ranks.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import type { ResolvedFramework } from '../../server/indicators/registry-types.js';
import { engineChoices, toEngineInput } from '../../server/indicators/to-engine-input.js';
import { indicatorsDir } from '../../server/paths.js';
import { runUncertainty } from '../../server/workers/run-uncertainty.js';
import { random, syntheticVariables } from './engine-data.js';

function option(args: readonly string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number ≥ 1`);
  return value;
}

/** The demo city's settings (server/demo/load-demo.ts) with the number of replications asked for. */
function demoSettings(replications: number): unknown {
  return {
    replications,
    seed: 2025,
    weights: { method: 'uniform', range: 0.25 },
    imputation: [{ method: 'none' }, { method: 'mean' }],
    treatment: true,
    normalisation: [{ method: 'minmax', range: [1, 100] }],
    aggregation: [{ method: 'arithmetic' }, { method: 'geometric' }],
  };
}

function demoInput(framework: ResolvedFramework): EngineInput {
  const city = generateDemoCity();
  const communities = city.units.filter((u) => u.level === 'community');
  const codes = communities.map((u) => u.code);
  const ancestors = new Map(
    city.units
      .filter((u) => u.level !== 'community' && u.parent !== undefined)
      .map((u) => [u.code, u.parent ?? ''] as const),
  );
  const row = new Map(codes.map((code, i) => [code, i]));
  const periods = city.periods.map((period): EnginePeriod => {
    const variables = new Map<string, Float64Array>();
    for (const o of city.observations) {
      const at = row.get(o.unit);
      if (o.period !== period || at === undefined) continue;
      for (const [name, value] of Object.entries(o.values)) {
        let column = variables.get(name);
        if (column === undefined) {
          column = new Float64Array(codes.length).fill(Number.NaN);
          variables.set(name, column);
        }
        column[at] = value ?? Number.NaN;
      }
    }
    return { id: period, variables };
  });
  return toEngineInput(
    framework,
    {
      codes,
      parents: communities.map((u) => u.parent),
      ancestors,
      population: Float64Array.from(communities, (u) => u.attributes.resident_population),
    },
    periods,
  );
}

function syntheticInput(framework: ResolvedFramework, units: number): EngineInput {
  const next = random(7);
  const codes = Array.from({ length: units }, (_, i) => `c${i}`);
  const streets = Math.max(1, Math.round(units / 20));
  const ancestors = new Map(Array.from({ length: streets }, (_, s) => [`s${s}`, `d${s % 25}`] as const));
  return toEngineInput(
    framework,
    {
      codes,
      parents: codes.map((_, i) => `s${i % streets}`),
      ancestors,
      population: Float64Array.from(codes, () => 500 + Math.floor(next() * 5000)),
    },
    [{ id: '2024', variables: syntheticVariables(framework, units, 20_24) }],
  );
}

async function compare(
  name: string,
  input: EngineInput,
  base: MethodChoices,
  settings: unknown,
  repeat: number,
): Promise<void> {
  const once = async (choices: MethodChoices): Promise<{ ms: number; runs: number; levels: number }> => {
    const start = performance.now();
    const result = await runUncertainty(input, choices, settings, { workers: 0 });
    return { ms: performance.now() - start, runs: result.runs, levels: result.levels.length };
  };
  const plain = { ...base, rollup: { method: 'pooled' } };
  const ranked = { ...base, rollup: { method: 'population_weighted' } };
  // A warm-up of each, then the two alternately, so that neither pays for compiling the code alone.
  await once(plain);
  await once(ranked);
  let without = { ms: Number.POSITIVE_INFINITY, runs: 0, levels: 0 };
  let withLevels = { ms: Number.POSITIVE_INFINITY, runs: 0, levels: 0 };
  for (let k = 0; k < repeat; k++) {
    const a = await once(plain);
    const b = await once(ranked);
    if (a.ms < without.ms) without = a;
    if (b.ms < withLevels.ms) withLevels = b;
  }
  const added = withLevels.ms - without.ms;
  console.log(
    `${name}: ${withLevels.runs} runs on this thread — without level ranks ${(without.ms / 1000).toFixed(2)} s, ` +
      `with ${withLevels.levels} levels ranked ${(withLevels.ms / 1000).toFixed(2)} s: ` +
      `+${added.toFixed(0)} ms (${((100 * added) / without.ms).toFixed(1)} %, ${(added / withLevels.runs).toFixed(3)} ms per run)`,
  );
  const ranker = levelRanker(input.units, input.periods.length);
  if (ranker === null) return;
  const scores = Float64Array.from({ length: input.units.codes.length * input.periods.length }, (_, i) =>
    Math.sin(i),
  );
  const times = 200;
  for (let k = 0; k < times; k++) ranker.ranks(scores);
  const start = performance.now();
  for (let k = 0; k < times; k++) ranker.ranks(scores);
  console.log(
    `${name}: ranking the levels of one run alone: ${((performance.now() - start) / times).toFixed(3)} ms ` +
      `(${ranker.rowCount} level rows)`,
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const replications = option(args, '--replications', 200);
  const repeat = option(args, '--repeat', 2);
  const framework = (await loadRegistry(indicatorsDir)).resolveFramework('default');
  const base = engineChoices(framework);
  console.log(`Level rank intervals benchmark, Node ${process.version}, best of ${repeat}`);
  await compare('demo city', demoInput(framework), base, demoSettings(replications), repeat);
  await compare(
    'synthetic 10,000 units',
    syntheticInput(framework, 10_000),
    base,
    demoSettings(replications),
    repeat,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
