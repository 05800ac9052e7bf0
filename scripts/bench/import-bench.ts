/**
 * Benchmark of the import path and of reading evaluation results, on both adapters:
 * - 100,000 observation rows × 40 variables from a CSV file on disk, end to end (read, decode,
 *   parse, check every cell, store as one batch): target < 15 s;
 * - a stored 10,000-unit evaluation result read back: target < 1 s.
 * The unit register (100,000 communities) is imported first and timed on its own. FerretDB is
 * built (once) and started by scripts/ferretdb.ts; pass --embedded-only to skip it.
 *
 * Run: node --import tsx scripts/bench/import-bench.ts [--rows 100000] [--embedded-only]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importObservationsFile, type IntakeStage } from '../../server/services/import-observations-file.js';
import { importUnitsFile } from '../../server/services/import-units-file.js';
import { readIntakeFile } from '../../server/intake/intake-file.js';
import type { IntakeVariable } from '../../server/intake/intake-variable.js';
import { RESULTS_FORMAT, type ResultsDocument } from '../../server/evaluation/results-document.js';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { MongoStore } from '../../server/store/mongo/mongo-store.js';
import type { Store } from '../../server/store/store.js';
import { buildFerretDb, startFerretDb } from '../ferretdb.js';

const PERIOD = '2025';
const VARIABLES = 40;
const RESULT_UNITS = 10_000;

const argument = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const rows = Number(argument('--rows') ?? 100_000);
const embeddedOnly = process.argv.includes('--embedded-only');

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** Half counts (integers ≥ 0), half percentages (0–100): the mix of the default framework. */
const variables: IntakeVariable[] = Array.from({ length: VARIABLES }, (_, v) => ({
  name: `var_${String(v).padStart(2, '0')}`,
  type: v % 2 === 0 ? 'integer' : 'number',
  minimum: 0,
  ...(v % 2 === 0 ? {} : { maximum: 100 }),
  label: { zh: `变量${v}`, en: `Variable ${v}` },
  unit: v % 2 === 0 ? { zh: '户', en: 'households' } : { zh: '%', en: '%' },
}));

const code = (i: number): string => `C${String(i).padStart(7, '0')}`;

/** A deterministic pseudo-random stream (mulberry32), so every run writes the same files. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeFiles(dir: string): Promise<{ units: string; data: string; dataBytes: number }> {
  const units = ['单位代码,名称,层级,上级代码,常住人口,户数', 'D1,示范区,区,,,'];
  for (let i = 0; i < rows; i += 1)
    units.push(`${code(i)},社区${i},社区,D1,${3000 + (i % 5000)},${1000 + (i % 2000)}`);
  const next = random(20_250_101);
  const header = [
    'unit_code｜单位代码',
    ...variables.map((v) => `${v.name}｜${v.label.zh}（${v.unit.zh}）`),
  ].join(',');
  const lines = [header];
  for (let i = 0; i < rows; i += 1) {
    const cells = [code(i)];
    for (let v = 0; v < VARIABLES; v += 1) {
      if (next() < 0.02) cells.push('');
      else cells.push(v % 2 === 0 ? String(Math.floor(next() * 5000)) : (next() * 100).toFixed(2));
    }
    lines.push(cells.join(','));
  }
  const data = `\uFEFF${lines.join('\r\n')}\r\n`;
  const paths = { units: path.join(dir, 'units.csv'), data: path.join(dir, 'data.csv') };
  await writeFile(paths.units, `\uFEFF${units.join('\r\n')}\r\n`);
  await writeFile(paths.data, data);
  return { ...paths, dataBytes: Buffer.byteLength(data) };
}

/**
 * A results document the shape the evaluation stores (server/evaluation/results-document.ts:
 * columnar, one array per indicator or node) for 10,000 units and the default framework's size:
 * 33 indicators, 5 dimensions and the index, full-precision numbers, a few missing cells.
 */
function syntheticResults(): ResultsDocument {
  const next = random(42);
  const units = Array.from({ length: RESULT_UNITS }, (_, i) => code(i));
  const indicators = Array.from({ length: 33 }, (_, k) => `indicator_${k}`);
  const nodes = ['coverage', 'responsiveness', 'autonomy', 'intelligence', 'institutionalization', 'index'];
  const column = (scale: number): (number | null)[] =>
    units.map(() => (next() < 0.01 ? null : next() * scale));
  const columns = (ids: readonly string[], scale: number): Record<string, (number | null)[]> =>
    Object.fromEntries(ids.map((id) => [id, column(scale)]));
  const ranks = (ids: readonly string[]): Record<string, number[]> =>
    Object.fromEntries(ids.map((id) => [id, units.map((_, i) => i + 1)]));
  return {
    format: RESULTS_FORMAT,
    periods: [PERIOD],
    units,
    indicators,
    nodes,
    root: 'index',
    register: units.map((unit) => ({
      code: unit,
      name: { zh: unit, en: unit },
      level: 'community',
      parent: 'D1',
      attributes: {},
    })),
    raw: columns(indicators, 500),
    rawReasons: { indicator_3: { '17': 1, '4711': 2 } },
    normalised: columns(indicators, 100),
    scores: columns(nodes, 100),
    ranks: ranks([...indicators, ...nodes]),
    flags: { indicator_5: { '12': 1 } },
    weights: { index: { children: nodes.slice(0, 5), weights: [0.25, 0.25, 0.2, 0.15, 0.15] } },
    choices: { normalisation: { method: 'minmax', range: [0, 100] } },
    log: [{ stage: 'normalise', note: 'synthetic' }],
  };
}

interface ImportFigures {
  readonly units: number;
  readonly dataImport: number;
  readonly stages: Record<string, number>;
  readonly readCurrent: number;
}

interface ResultFigures {
  readonly write: number;
  /** Median of three reads, each on a freshly opened store. */
  readonly read: number;
  readonly bytes: number;
}

type Open = () => Promise<Store>;

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await run();
  return [value, performance.now() - started];
}

async function benchImport(store: Store, files: { units: string; data: string }): Promise<ImportFigures> {
  const [unitsResult, units] = await timed(async () =>
    importUnitsFile(store, await readIntakeFile(files.units), { actor: 'bench' }),
  );
  if (unitsResult.outcome !== 'committed') throw new Error(`units import ${unitsResult.outcome}`);
  const marks: { stage: IntakeStage; at: number }[] = [];
  const onProgress = (stage: IntakeStage): void => {
    if (marks.at(-1)?.stage !== stage) marks.push({ stage, at: performance.now() });
  };
  const [result, dataImport] = await timed(async () =>
    importObservationsFile(store, await readIntakeFile(files.data), {
      variables,
      period: PERIOD,
      actor: 'bench',
      onProgress,
    }),
  );
  if (result.outcome !== 'committed')
    throw new Error(`data import ${result.outcome}: ${result.batch.failure ?? ''}`);
  const ended = performance.now();
  const stages: Record<string, number> = {};
  marks.forEach((mark, i) => (stages[mark.stage] = (marks[i + 1]?.at ?? ended) - mark.at));
  const [count, readCurrent] = await timed(
    async () => (await store.observations.current({ period: PERIOD })).length,
  );
  if (count !== rows) throw new Error(`read back ${count} rows, not ${rows}`);
  return { units, dataImport, stages, readCurrent };
}

async function benchResults(open: Open): Promise<ResultFigures> {
  const writer = await open();
  const [evaluation, write] = await timed(() =>
    writer.evaluations.create(
      {
        framework: { id: 'bench', version: '1.0.0', hash: 'bench', hashes: {}, definition: {} },
        methods: {},
        periods: [PERIOD],
        dataFingerprint: 'bench',
        createdBy: 'bench',
      },
      syntheticResults(),
    ),
  );
  await writer.close();
  const reads: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const reader = await open();
    const [value, read] = await timed(() => reader.evaluations.readResults(evaluation.id));
    if (value === undefined) throw new Error('no results read back');
    reads.push(read);
    await reader.close();
  }
  return {
    write,
    read: [...reads].sort((a, b) => a - b)[1] ?? Number.NaN,
    bytes: evaluation.results?.bytes ?? 0,
  };
}

async function bench(name: string, open: Open, files: { units: string; data: string }): Promise<void> {
  const store = await open();
  const f = await benchImport(store, files).finally(() => store.close());
  const r = await benchResults(open);
  const stages = Object.entries(f.stages)
    .map(([stage, ms]) => `${stage} ${seconds(ms)}`)
    .join(', ');
  console.log(`${name}:`);
  console.log(`  unit register, ${rows.toLocaleString('en')} units: ${seconds(f.units)}`);
  console.log(`  observations CSV end to end: ${seconds(f.dataImport)} (${stages}); target < 15 s`);
  console.log(`  read the period back (${rows.toLocaleString('en')} rows): ${seconds(f.readCurrent)}`);
  console.log(
    `  10,000-unit results (${(r.bytes / 2 ** 20).toFixed(1)} MiB of JSON): write ${seconds(r.write)}, read ${seconds(r.read)} (median of 3); target < 1 s`,
  );
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-import-bench-'));
try {
  const files = await writeFiles(dir);
  console.log(
    `${rows.toLocaleString('en')} rows × ${VARIABLES} variables: ${(files.dataBytes / 2 ** 20).toFixed(1)} MiB of CSV\n`,
  );
  await bench('embedded (nedb)', () => EmbeddedStore.open(path.join(dir, 'data')), files);
  if (!embeddedOnly) {
    const ferret = await startFerretDb(await buildFerretDb());
    try {
      await bench(
        'mongo (FerretDB 1.24 over SQLite)',
        () => MongoStore.open(`${ferret.baseUri}/zhili_bench`),
        files,
      );
    } finally {
      await ferret.stop();
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
