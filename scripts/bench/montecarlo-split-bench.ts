/**
 * Two OS processes on this machine splitting one Monte Carlo analysis (issue 17, "scale beyond one
 * machine"): the demo city ×10 (10,000 communities, 3 periods) is imported into a FerretDB (the
 * mongo adapter; the embedded store when FerretDB cannot be built or started, said so in the output),
 * then
 *   1. one process reads the inputs from the store and runs every replication (block [0, n)),
 *   2. two processes read the same inputs from the same store at the same time and run [0, k) and
 *      [k, n),
 * each on one thread (montecarlo-split-block.ts), each writing its block to a file. This process
 * merges the two blocks (engine/uncertainty/blocks.ts), compares the result byte for byte with the
 * single process's, and prints both wall times.
 *
 * Run: npx tsx scripts/bench/montecarlo-split-bench.ts [--copies 10] [--replications 300] [--split K] [--embedded]
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { blockFromJson } from '../../server/engine/uncertainty/block-json.js';
import { mergeReplicationBlocks, type ReplicationBlock } from '../../server/engine/uncertainty/blocks.js';
import { prepareUncertainty } from '../../server/engine/uncertainty/prepare.js';
import type { UncertaintyResult } from '../../server/engine/uncertainty/result.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import { indicatorsDir, projectRoot } from '../../server/paths.js';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { MongoStore } from '../../server/store/mongo/mongo-store.js';
import type { Store } from '../../server/store/store.js';
import { buildFerretDb, startFerretDb, type FerretDb } from '../ferretdb.js';
import { splitAnalysisInput, type SplitSettings } from './montecarlo-split-input.js';
import { scaledCity } from './scaled-city.js';
import { importScaledCity } from './import-scaled-city.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number ≥ 1`);
  return value;
}

/** Where the processes read from: `--mongo URI` for all, or an embedded store's directory each. */
type Place = { kind: 'mongo'; uri: string } | { kind: 'embedded'; dir: string };

interface Timings {
  readonly readMs: number;
  readonly prepareMs: number;
  readonly runMs: number;
  readonly writeMs: number;
  /** The child's CPU time, all threads, start-up included. */
  readonly cpuMs: number;
}

async function seed(store: Store, copies: number): Promise<readonly string[]> {
  const city = scaledCity(copies);
  await importScaledCity(store, city);
  return city.periods;
}

/** One block in a child process; resolves with its own timings and its wall time from spawn to exit. */
function runBlock(
  place: Place,
  settingsFile: string,
  from: number,
  to: number,
  out: string,
): Promise<Timings & { wallMs: number }> {
  const start = performance.now();
  const where = place.kind === 'mongo' ? ['--mongo', place.uri] : ['--embedded', place.dir];
  const args = ['--import', 'tsx', path.join('scripts', 'bench', 'montecarlo-split-block.ts'), ...where];
  args.push('--settings', settingsFile, '--from', String(from), '--to', String(to), '--out', out);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`block [${from}, ${to}) exited with ${String(code)}`));
      else resolve({ ...(JSON.parse(output) as Timings), wallMs: performance.now() - start });
    });
  });
}

/** A digest of the whole result: typed arrays by their bytes, everything else as JSON has it. */
function digest(result: UncertaintyResult): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify(result, (_key, value: unknown) => {
      if (!ArrayBuffer.isView(value)) return value;
      const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      return `${value.constructor.name}:${createHash('sha256').update(bytes).digest('hex')}`;
    }),
  );
  return hash.digest('hex');
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

async function readBlock(file: string): Promise<ReplicationBlock> {
  return blockFromJson(JSON.parse(await readFile(file, 'utf8')));
}

async function main(): Promise<void> {
  const copies = option('--copies', 10);
  const replications = option('--replications', 300);
  const dir = await mkdtemp(path.join(tmpdir(), 'zhili-split-bench-'));
  let ferret: FerretDb | undefined;
  try {
    let place: Place;
    let storeName: string;
    if (process.argv.includes('--embedded')) {
      place = { kind: 'embedded', dir: path.join(dir, 'store') };
      storeName = 'embedded store (asked for with --embedded)';
    } else {
      try {
        ferret = await startFerretDb(await buildFerretDb());
        place = { kind: 'mongo', uri: `${ferret.baseUri}/zhili_split_bench` };
        storeName = 'mongo adapter on FerretDB 1.24 over SQLite';
      } catch (error) {
        place = { kind: 'embedded', dir: path.join(dir, 'store') };
        storeName = `embedded store — FerretDB unavailable (${error instanceof Error ? error.message : String(error)})`;
      }
    }
    const t0 = performance.now();
    const store =
      place.kind === 'mongo' ? await MongoStore.open(place.uri) : await EmbeddedStore.open(place.dir);
    const periods = await seed(store, copies);
    await store.close();
    const settings: SplitSettings = {
      frameworkId: 'default',
      periods,
      uncertainty: {
        replications,
        seed: 2024,
        weights: { method: 'uniform', range: 0.25 },
        imputation: [{ method: 'none' }, { method: 'mean' }],
        treatment: true,
        normalisation: [{ method: 'minmax', range: [1, 100] }, { method: 'rank' }],
        aggregation: [{ method: 'arithmetic' }, { method: 'geometric' }],
      },
    };
    const settingsFile = path.join(dir, 'settings.json');
    await writeFile(settingsFile, JSON.stringify(settings));
    // nedb is one process's store: each process of the embedded fallback reads its own copy.
    const placeFor = async (name: string): Promise<Place> => {
      if (place.kind === 'mongo') return place;
      const copy = path.join(dir, name);
      await cp(place.dir, copy, { recursive: true });
      return { kind: 'embedded', dir: copy };
    };
    const [one, first, second] = await Promise.all([placeFor('one'), placeFor('first'), placeFor('second')]);
    const split = option('--split', Math.ceil(replications / 2));
    if (split >= replications) throw new Error(`--split must be below --replications (${replications})`);
    console.log(
      `Split Monte Carlo benchmark: demo city ×${copies}, ${periods.length} periods, ${replications} replications, ` +
        `${storeName}; store seeded in ${seconds(performance.now() - t0)}; Node ${process.version}, ` +
        `${availableParallelism()} cores, load average ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')} before the runs`,
    );

    const single = await runBlock(one, settingsFile, 0, replications, path.join(dir, 'all.json'));
    const t1 = performance.now();
    const [a, b] = await Promise.all([
      runBlock(first, settingsFile, 0, split, path.join(dir, 'a.json')),
      runBlock(second, settingsFile, split, replications, path.join(dir, 'b.json')),
    ]);
    const twoWall = performance.now() - t1;
    const describe = (name: string, t: Timings & { wallMs: number }): string =>
      `${name}: ${seconds(t.wallMs)} wall (store read ${seconds(t.readMs)}, prepare ${seconds(t.prepareMs)}, ` +
      `replications ${seconds(t.runMs)}, block written ${seconds(t.writeMs)}; CPU ${seconds(t.cpuMs)})`;
    console.log(describe(`1 process, runs [0, ${replications})`, single));
    console.log(describe(`process A, runs [0, ${split})`, a));
    console.log(describe(`process B, runs [${split}, ${replications})`, b));

    const reader =
      place.kind === 'mongo' ? await MongoStore.open(place.uri) : await EmbeddedStore.open(place.dir);
    const { input, choices } = await splitAnalysisInput(reader, await loadRegistry(indicatorsDir), settings);
    await reader.close();
    const prepared = prepareUncertainty(input, choices, settings.uncertainty);
    const t2 = performance.now();
    const [blockA, blockB] = await Promise.all([
      readBlock(path.join(dir, 'a.json')),
      readBlock(path.join(dir, 'b.json')),
    ]);
    const merged = mergeReplicationBlocks(prepared, [blockB, blockA]);
    const mergeMs = performance.now() - t2;
    const whole = mergeReplicationBlocks(prepared, [await readBlock(path.join(dir, 'all.json'))]);
    const identical =
      Buffer.from(merged.ranks.buffer).equals(Buffer.from(whole.ranks.buffer)) &&
      Buffer.from(merged.levelRanks.buffer).equals(Buffer.from(whole.levelRanks.buffer)) &&
      digest(merged) === digest(whole);
    console.log(
      `2 processes: ${seconds(twoWall)} wall until both exited, then ${seconds(mergeMs)} to read and merge the blocks ` +
        `(${merged.runs} runs × ${merged.rowCount} unit-periods + ${merged.levelRanks.length / merged.runs} level rows); ` +
        `speed-up ×${(single.wallMs / (twoWall + mergeMs)).toFixed(2)} over 1 process`,
    );
    console.log(`result digest ${digest(merged).slice(0, 16)}…; bit-identical: ${identical ? 'yes' : 'NO'}`);
    console.log(
      `load average after: ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    if (!identical) process.exitCode = 1;
  } finally {
    await ferret?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
