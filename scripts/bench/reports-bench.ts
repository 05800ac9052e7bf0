/**
 * Benchmark of the report pages: a 10,000-community evaluation (the demo city 梧阳市 generated ten
 * times with different seeds and recoded: 70 districts, 800 streets, 3 periods, the default
 * framework) is imported, evaluated and published in an embedded store; Zhili then serves it from
 * a child process (server/main.ts, as `npm start` does) and a load generator on loopback sends a
 * fixed number of requests from 50 concurrent clients to two pages:
 * - the unit report of a random community (each request a different unit);
 * - the ranking page, with varied sorting, district and peer-group filters, searches and pages.
 * Prints p50/p95/p99 latency and throughput per page; targets (issue 17) p95 < 60 ms at 10,000
 * communities and < 150 ms at 100,000 (`--copies 100`), the first view after a restart < 2 s (the
 * server is started again on the same data and asked for a unit page first, then once more for the
 * ranking page first; the first start, with no snapshot kept, measures the first view ever). The clients
 * read as a logged-in viewer (a session made in the store before the server starts), as officials do.
 *
 * Run: npx tsx scripts/bench/reports-bench.ts [--copies 10] [--requests 2000] [--clients 50]
 *        [--data-dir DIR]
 * (ZHILI_BENCH_NODE_ARGS passes extra Node flags to the server, e.g. "--cpu-prof" to profile it.
 * With --data-dir the evaluation is built there once and reused by later runs, and kept.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { startSession } from '../../server/access/credentials.js';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runEvaluation } from '../../server/evaluation/run-evaluation.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import { indicatorsDir, projectRoot } from '../../server/paths.js';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { scaledCity, type ScaledCity } from './scaled-city.js';
import { importScaledCity } from './import-scaled-city.js';

const TARGET_FIRST_VIEW_MS = 2000;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number ≥ 1`);
  return value;
}

/** A deterministic pseudo-random stream (mulberry32), so every run asks for the same pages. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the load needs to know of a built data directory (kept beside it with --data-dir). */
interface BenchData {
  readonly copies: number;
  readonly evaluationId: string;
  readonly cookie: string;
  readonly communities: readonly string[];
  readonly districts: readonly string[];
  readonly periods: readonly string[];
}

/** The published evaluation and the session cookie of the viewer the clients read as. */
async function buildData(
  dataDir: string,
  city: ScaledCity,
): Promise<{ evaluationId: string; cookie: string }> {
  const store = await EmbeddedStore.open(dataDir);
  const registry = await loadRegistry(indicatorsDir);
  await importScaledCity(store, city);
  const draft = await runEvaluation(store, registry, {
    frameworkId: 'default',
    periods: city.periods,
    actor: 'bench',
    label: {
      zh: `基准测试评估（${city.communities.length} 个社区）`,
      en: `Benchmark evaluation (${city.communities.length} communities)`,
    },
  });
  const published = await store.evaluations.publish(draft.id, 'bench');
  const reader = await store.users.create({ login: 'bench', displayName: 'Bench reader', role: 'viewer' });
  const session = await startSession(store, reader);
  await store.close();
  return { evaluationId: published.id, cookie: `zhili_session=${session.secret}` };
}

/** Starts Zhili (server/main.ts) on a free loopback port over the data directory. */
async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.ZHILI_BENCH_NODE_ARGS ?? '').split(' ').filter((a) => a !== ''),
      '--import',
      'tsx',
      path.join(projectRoot, 'server', 'main.ts'),
    ],
    {
      cwd: projectRoot,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        ZHILI_DEMO: 'off',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once('exit', (code) => {
      reject(new Error(`the server exited with code ${String(code)} before listening`));
    });
  });
  return { child, url };
}

interface LoadResult {
  /** How many different URLs were asked for (a page asked again finds its sorted orders and kept sections made). */
  readonly distinct: number;
  readonly latencies: Float64Array;
  readonly seconds: number;
  readonly failures: number;
  /** CPU time the server process used during the load, in ms (Linux only; NaN elsewhere). */
  readonly serverCpuMs: number;
  /** CPU time this process (the clients) used during the load, in ms: it shares the machine's cores. */
  readonly clientCpuMs: number;
}

/** User + system CPU time of a process in ms, from /proc (Linux); NaN where unavailable. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields =
      readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
        .split(') ')[1]
        ?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

function cpuTotalMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

/**
 * The clients' connections: kept alive, one per client. Node's own HTTP client rather than fetch:
 * fetch costs the load generator about 0.4–0.6 ms of CPU per request, taken from the two cores
 * the server runs on; this costs 0.2–0.3 ms.
 */
const clientAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** GETs a URL as the reader and reads the whole answer; resolves with the status. */
function get(url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: clientAgent, headers: { cookie } }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => {
        resolve(response.statusCode ?? 0);
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** A bounded closed-loop load: `clients` workers share `total` requests, each waiting for its answer. */
async function load(
  cookie: string,
  next: () => string,
  total: number,
  clients: number,
  server?: number,
): Promise<LoadResult> {
  const latencies = new Float64Array(total);
  const cpuBefore = cpuMs(server);
  const clientBefore = process.cpuUsage();
  const urls = new Set<string>();
  let issued = 0;
  let failures = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (issued < total) {
      const index = issued++;
      const url = next();
      urls.add(url);
      const t0 = performance.now();
      const status = await get(url, cookie);
      latencies[index] = performance.now() - t0;
      if (status !== 200) failures++;
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  return {
    distinct: urls.size,
    latencies,
    seconds: (performance.now() - started) / 1000,
    failures,
    serverCpuMs: cpuMs(server) - cpuBefore,
    clientCpuMs: cpuTotalMs(process.cpuUsage(clientBefore)),
  };
}

/** Resident memory of a process in MiB, from /proc (Linux); '?' elsewhere. */
function serverRssMiB(pid: number | undefined): string {
  try {
    const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${String(pid)}/status`, 'utf8'));
    return line?.[1] === undefined ? '?' : (Number(line[1]) / 1024).toFixed(0);
  } catch {
    return '?';
  }
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function report(name: string, result: LoadResult, target: number): boolean {
  const sorted = Float64Array.from(result.latencies).sort();
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(sorted, p));
  const ok = (p95 ?? Infinity) < target && result.failures === 0;
  console.log(
    `${name.padEnd(14)} p50 ${p50?.toFixed(1)} ms  p95 ${p95?.toFixed(1)} ms  p99 ${p99?.toFixed(1)} ms  ` +
      `max ${sorted[sorted.length - 1]?.toFixed(1)} ms  ${(result.latencies.length / result.seconds).toFixed(0)} req/s  ` +
      `${result.failures} failed  ${result.distinct} distinct URLs  server CPU ${(result.serverCpuMs / result.latencies.length).toFixed(2)} ms/request  ` +
      `clients' CPU ${(result.clientCpuMs / result.latencies.length).toFixed(2)} ms/request  ` +
      `${ok ? 'OK' : 'ABOVE TARGET'} (p95 < ${target} ms)`,
  );
  return ok;
}

/** The data of an earlier run in `dir` (--data-dir) when it was built for as many copies. */
async function keptData(dir: string, copies: number): Promise<BenchData | undefined> {
  try {
    const kept = JSON.parse(await readFile(path.join(dir, 'reports-bench.json'), 'utf8')) as BenchData;
    return kept.copies === copies ? kept : undefined;
  } catch {
    return undefined;
  }
}

async function prepareData(dataDir: string, copies: number, keep: boolean): Promise<BenchData> {
  const kept = keep ? await keptData(dataDir, copies) : undefined;
  if (kept !== undefined) return kept;
  if (keep) {
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
  }
  const city = scaledCity(copies);
  const built = await buildData(dataDir, city);
  const data: BenchData = {
    copies,
    ...built,
    communities: city.communities,
    districts: city.districts,
    periods: city.periods,
  };
  if (keep) await writeFile(path.join(dataDir, 'reports-bench.json'), JSON.stringify(data));
  return data;
}

/** Time to a page's answer on a server that has just started (reads and indexes the results). */
async function timed(url: string, cookie: string): Promise<number> {
  const t = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - t;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function main(): Promise<void> {
  const copies = option('--copies', 10);
  const requests = option('--requests', 2000);
  const clients = option('--clients', 50);
  const targetP95 = copies > 10 ? 150 : 60;
  const keptAt = process.argv.indexOf('--data-dir');
  const keptDir = keptAt >= 0 ? process.argv[keptAt + 1] : undefined;
  const dataDir = keptDir ?? (await mkdtemp(path.join(tmpdir(), 'zhili-reports-bench-')));
  let server: ChildProcess | undefined;
  try {
    const t = performance.now();
    const city = await prepareData(dataDir, copies, keptDir !== undefined);
    const { evaluationId, cookie } = city;
    console.log(
      `Reports benchmark: ${city.communities.length} communities, ${city.districts.length} districts, ` +
        `${city.periods.length} periods; data ready in ${((performance.now() - t) / 1000).toFixed(1)} s; ` +
        `Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1) ?? '?'}`,
    );
    // The first view ever reads, checks and compacts the stored results and keeps a snapshot of
    // them (report-snapshots.ts); a kept one from an earlier run is removed first, so it is measured.
    await rm(path.join(dataDir, 'report-snapshots'), { recursive: true, force: true });
    let started = await startServer(dataDir);
    server = started.child;
    let base = `${started.url}/evaluations/${evaluationId}`;
    const firstUnit = `/units/${city.communities[city.communities.length >> 1] ?? ''}`;
    const firstEver = await timed(base, cookie);
    const firstRss = serverRssMiB(server.pid);
    // After a restart, from the snapshot: a unit's page first, then (another restart) the ranking.
    const firstAfterRestart: number[] = [];
    for (const page of [firstUnit, '']) {
      await stopServer(server);
      started = await startServer(dataDir);
      server = started.child;
      base = `${started.url}/evaluations/${evaluationId}`;
      firstAfterRestart.push(await timed(`${base}${page}`, cookie));
    }
    const [unitAfterRestart = NaN, rankingAfterRestart = NaN] = firstAfterRestart;
    const firstOk = Math.max(unitAfterRestart, rankingAfterRestart) < TARGET_FIRST_VIEW_MS;
    console.log(
      `first view ever (reads the results, keeps a snapshot): ranking page ${firstEver.toFixed(0)} ms ` +
        `(server RSS ${firstRss} MiB after it); first view after a restart (from the snapshot): ` +
        `unit page ${unitAfterRestart.toFixed(0)} ms, ranking page ${rankingAfterRestart.toFixed(0)} ms; ` +
        `${firstOk ? 'OK' : 'ABOVE TARGET'} (< ${TARGET_FIRST_VIEW_MS} ms)`,
    );

    const pick = random(2025);
    const any = <T>(list: readonly T[]): T => list[Math.floor(pick() * list.length)] as T;
    const unitUrl = (): string => `${base}/units/${any(city.communities)}?period=${any(city.periods)}`;
    const sorts = ['rank', 'name', 'code', 'score', 'change', 'population', 'coverage', 'autonomy'];
    const rankingUrl = (): string => {
      const choice = pick();
      const query = new URLSearchParams({ period: any(city.periods), sort: any(sorts) });
      if (choice < 0.3) query.set('page', String(1 + Math.floor(pick() * 200)));
      else if (choice < 0.55) query.set('district', any(city.districts));
      else if (choice < 0.75) query.set('peer', any(['urban_large', 'urban_small', 'rural']));
      else if (choice < 0.9) query.set('q', any(city.communities).slice(0, 7));
      else query.set('level', any(['street', 'district']));
      if (pick() < 0.5) query.set('lang', 'en');
      return `${base}?${query.toString()}`;
    };
    // Warm-up: each period's columns, sort orders and peer statistics are computed once per
    // context, on first use, and the render threads, which read the context in the background after
    // the first page, each hold their own; so the round is run twice (the first mostly on the main
    // thread), and the measured runs see the steady state.
    const warmUrls = ['zh', 'en'].flatMap((lang) =>
      city.periods.flatMap((period) =>
        ['community', 'street', 'district'].flatMap((level) =>
          sorts.map((sort) => `${base}?${new URLSearchParams({ period, level, sort, lang }).toString()}`),
        ),
      ),
    );
    for (let round = 0; round < 2; round++) {
      let warm = 0;
      await load(cookie, () => warmUrls[warm++ % warmUrls.length] ?? base, 2 * warmUrls.length, 4);
      await load(cookie, unitUrl, 1000, clients);
      await load(cookie, rankingUrl, 1000, clients);
    }

    const pid = server.pid;
    const unitOk = report('unit report', await load(cookie, unitUrl, requests, clients, pid), targetP95);
    const rankingOk = report(
      'ranking page',
      await load(cookie, rankingUrl, requests, clients, pid),
      targetP95,
    );
    console.log(
      `${requests} requests per page from ${clients} concurrent clients on loopback; ` +
        `server RSS ${serverRssMiB(pid)} MiB; load average ${loadavg()[0]?.toFixed(1) ?? '?'}`,
    );
    process.exitCode = unitOk && rankingOk && firstOk ? 0 : 1;
  } finally {
    if (server !== undefined) await stopServer(server);
    if (keptDir === undefined) await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
