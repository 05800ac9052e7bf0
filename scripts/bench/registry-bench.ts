/**
 * Benchmark: load and resolve a catalogue of 500 generated indicators.
 * Writes 500 indicators (three formula shapes; a count of its own each plus a base shared within
 * its dimension: 515 variables), 20 dimensions in two levels and one framework using them all to
 * a temporary folder, then times
 * loadRegistry + resolveFramework: the first run in the process (which also compiles the
 * definition schemas) and the median of the following runs. Target: under 1 s.
 *
 * Run: npx tsx scripts/bench/registry-bench.ts [indicators] [runs]
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadRegistry } from '../../server/indicators/load-registry.js';

const INDICATORS = Number(process.argv[2] ?? 500);
const RUNS = Number(process.argv[3] ?? 9);
const TOP_DIMENSIONS = 5;
const SUB_DIMENSIONS = 15;

const bi = (zh: string, en: string) => ({ zh, en });
const count = (zh: string, en: string) => ({
  type: 'integer',
  minimum: 0,
  unit: bi('个', 'items'),
  label: bi(zh, en),
});

function dimension(id: string, parent: string | undefined) {
  return {
    kind: 'dimension',
    id,
    name: bi(`维度 ${id}`, `Dimension ${id}`),
    description: bi('生成的维度。', 'A generated dimension.'),
    weight: 1,
    ...(parent === undefined ? {} : { parent }),
  };
}

function indicator(i: number, dimensionId: string) {
  const id = `indicator_${i}`;
  const numerator = `count_${i}`;
  const denominator = `base_${dimensionId}`;
  const shapes: [{ formula: string; half: number }, ...{ formula: string; half: number }[]] = [
    { formula: `${numerator} / ${denominator} * 100`, half: 50 },
    { formula: `${denominator} > 0 ? ${numerator} / ${denominator} * 1000 : 0`, half: 500 },
    { formula: `clamp(${numerator} / ${denominator} * 100, 0, 100)`, half: 50 },
  ];
  const shape = shapes[i % shapes.length] ?? shapes[0];
  return {
    kind: 'indicator',
    id,
    version: '1.0.0',
    name: bi(`指标 ${i}`, `Indicator ${i}`),
    description: bi('生成的指标。', 'A generated indicator.'),
    dimension: dimensionId,
    rationale: bi('用于性能测试。', 'For the benchmark.'),
    source: [{ ref: 'seeds/004' }],
    unit: bi('%', '%'),
    direction: 'higher',
    inputs: {
      type: 'object',
      properties: {
        [numerator]: count(`计数 ${i}`, `Count ${i}`),
        [denominator]: count(`基数 ${dimensionId}`, `Base of ${dimensionId}`),
      },
      required: [numerator, denominator],
    },
    formula: shape.formula,
    goalposts: {
      floor: { value: 0, justification: bi('下限。', 'Floor.') },
      target: { value: 100, justification: bi('目标。', 'Target.') },
    },
    thresholds: { green: 90, yellow: 75, orange: 50 },
    weight: 1,
    applies_to: 'all',
    fixtures: [
      { name: 'half', inputs: { [numerator]: 5, [denominator]: 10 }, expected: shape.half },
      { name: 'missing count', inputs: { [denominator]: 10 }, expected: null, reason: 'missing_input' },
    ],
  };
}

async function writeJson(dir: string, file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await writeFile(path.join(dir, file), JSON.stringify(value, null, 2));
}

async function generate(dir: string): Promise<void> {
  const tops = Array.from({ length: TOP_DIMENSIONS }, (_, k) => `top_${k}`);
  const subs = Array.from({ length: SUB_DIMENSIONS }, (_, k) => `sub_${k}`);
  await Promise.all([
    ...tops.map((id) => writeJson(dir, `${id}/dimension.json`, dimension(id, undefined))),
    ...subs.map((id, k) => writeJson(dir, `${id}/dimension.json`, dimension(id, tops[k % TOP_DIMENSIONS]))),
  ]);
  const indicators = Array.from({ length: INDICATORS }, (_, i) =>
    indicator(i, subs[i % SUB_DIMENSIONS] ?? 'sub_0'),
  );
  await Promise.all(
    indicators.map((definition) =>
      writeJson(dir, `${definition.dimension}/${definition.id}.json`, definition),
    ),
  );
  await writeJson(dir, 'frameworks/bench.json', {
    kind: 'framework',
    id: 'bench',
    version: '1.0.0',
    name: bi('基准框架', 'Benchmark framework'),
    description: bi('生成的框架。', 'A generated framework.'),
    root: { id: 'index', name: bi('综合指数', 'Composite index') },
    dimensions: [...tops, ...subs].map((id) => ({ id, weight: 1 })),
    indicators: indicators.map(({ id }) => ({ id, weight: 1 })),
    methods: {
      imputation: { method: 'none' },
      screening: { method: 'by_availability', threshold: 0.66, action: 'flag' },
      treatment: { method: 'winsorise_log', skew: 2, kurtosis: 3.5, winmax: 5 },
      normalisation: { method: 'minmax', range: [0, 100] },
      weighting: { method: 'framework' },
      aggregation: { method: 'arithmetic' },
      rollup: { method: 'population_weighted' },
      periods: { method: 'per_period' },
    },
  });
}

async function timeOnce(dir: string): Promise<number> {
  const started = performance.now();
  const registry = await loadRegistry(dir);
  const framework = registry.resolveFramework('bench');
  const elapsed = performance.now() - started;
  if (framework.indicators.length !== INDICATORS) throw new Error('the framework lost indicators');
  return elapsed;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-registry-bench-'));
  try {
    await generate(dir);
    const first = await timeOnce(dir);
    const runs: number[] = [];
    for (let k = 0; k < RUNS; k++) runs.push(await timeOnce(dir));
    runs.sort((a, b) => a - b);
    const median = runs[Math.floor(runs.length / 2)] ?? Number.NaN;
    const registry = await loadRegistry(dir);
    const framework = registry.resolveFramework('bench');
    console.log(
      `${INDICATORS} indicators, ${registry.dimensions.size} dimensions, ${framework.variables.length} variables, 1 framework`,
    );
    console.log(
      `loadRegistry + resolveFramework: first run ${first.toFixed(0)} ms (includes compiling the schemas)`,
    );
    console.log(
      `median of ${RUNS} further runs ${median.toFixed(0)} ms (min ${runs[0]?.toFixed(0)}, max ${runs.at(-1)?.toFixed(0)})`,
    );
    console.log(median < 1000 && first < 1000 ? 'OK: under 1 s' : 'SLOW: over 1 s');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
