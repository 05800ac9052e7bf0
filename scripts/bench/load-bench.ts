/**
 * Load during an import (issue 7's proof): the real server (`npm start`, embedded store, the demo
 * city evaluated and published) serves report pages and API reads to 200 concurrent clients while
 * a large observations import arrives over the REST API. Every answer must be 200 and the import
 * must commit. Three phases, one table:
 * - reads alone: 200 clients in a closed loop for a fixed number of requests;
 * - import alone: the time from upload to commit, with no other traffic;
 * - import + reads: a second file of the same size imported while the 200 clients keep reading.
 * Requests mix the ranking page and unit pages (as a logged-in viewer, with the session cookie),
 * the results JSON of the published evaluation (the viewer again) and the units list (a
 * researcher's API token: units are data, not reports).
 *
 * Run: npx tsx scripts/bench/load-bench.ts [--periods 100] [--clients 200] [--requests 2000] [--without-results]
 * (--periods P imports P quarters × the demo's 1,000 communities × 46 variables: 100 → 100,000 rows;
 * --without-results gives the results JSON's share of the mix to the units list: that endpoint
 * serialises 6.7 MB per request and otherwise dominates the figures.)
 * test/hardening/load-during-import.test.ts runs a smaller import with the same 200 clients.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import { indicatorsDir } from '../../server/paths.js';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { seedUser, type SeededUser } from '../../test/support/auth.js';
import { syntheticRows } from '../../test/support/synthetic-observations.js';
import { readJob, request, uploadFile, type JobView } from '../../test/hardening/support/api-client.js';
import { frameworkCsv } from '../../test/hardening/support/framework-csv.js';
import { launchZhili, type ZhiliProcess } from '../../test/hardening/support/zhili-process.js';

/** One request of the mix: what it is (for the table) and how to send it. */
export interface Target {
  readonly kind: 'ranking page' | 'unit page' | 'results JSON' | 'units list';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface Sample {
  readonly kind: Target['kind'];
  readonly url: string;
  /** The HTTP status, or 0 when the request failed without an answer. */
  readonly status: number;
  readonly ms: number;
  readonly error?: string;
}

export interface Summary {
  readonly requests: number;
  /** Answers other than 200, and failures without an answer. */
  readonly errors: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly perSecond: number;
}

/** Sends one request and reads the whole answer (a client that stops early measures nothing). */
export async function hit(target: Target): Promise<Sample> {
  const started = performance.now();
  try {
    const response = await fetch(target.url, { headers: target.headers, redirect: 'manual' });
    await response.arrayBuffer();
    return { kind: target.kind, url: target.url, status: response.status, ms: performance.now() - started };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    const message = error instanceof Error ? `${error.message}${cause}` : String(error);
    return { kind: target.kind, url: target.url, status: 0, ms: performance.now() - started, error: message };
  }
}

/** All targets at once: len(targets) requests in flight together. */
export async function wave(targets: readonly Target[]): Promise<Sample[]> {
  return Promise.all(targets.map(hit));
}

/**
 * `clients` concurrent clients, each sending the next target as soon as its previous answer is
 * in, until `more(sent)` says stop. Returns every sample and the wall time.
 */
export async function closedLoop(
  targets: readonly Target[],
  clients: number,
  more: (sent: number) => boolean,
): Promise<{ samples: Sample[]; seconds: number }> {
  const samples: Sample[] = [];
  let sent = 0;
  const started = performance.now();
  const client = async (): Promise<void> => {
    while (more(sent)) {
      const target = targets[sent % targets.length];
      sent += 1;
      if (target !== undefined) samples.push(await hit(target));
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return { samples, seconds: (performance.now() - started) / 1000 };
}

/** Type-7 quantile of sorted numbers. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (at - low);
}

export function summarise(samples: readonly Sample[], seconds: number): Summary {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    requests: samples.length,
    errors: samples.filter((s) => s.status !== 200).length,
    p50: quantile(ms, 0.5),
    p95: quantile(ms, 0.95),
    max: ms.at(-1) ?? Number.NaN,
    perSecond: samples.length / seconds,
  };
}

/** The request mix of one round of `count` requests: 25 % ranking, 50 % unit pages, 10 % results, 15 % units. */
export function reportTargets(server: LoadServer, count: number, withResults = true): Target[] {
  const { url, viewer, researcher, evaluation, communities } = server;
  const page = { cookie: viewer.cookie };
  const targets: Target[] = [];
  for (let i = 0; i < count; i += 1) {
    const slot = i % 20;
    if (slot < 5) {
      const variant = ['', '?lang=en', '?sort=name&dir=asc', '?page=2', '?level=street'][slot] ?? '';
      targets.push({
        kind: 'ranking page',
        url: `${url}/evaluations/${evaluation}${variant}`,
        headers: page,
      });
    } else if (slot < 15) {
      const code = communities[(i * 37) % communities.length] ?? '';
      targets.push({
        kind: 'unit page',
        url: `${url}/evaluations/${evaluation}/units/${code}`,
        headers: page,
      });
    } else if (slot < 17 && withResults) {
      targets.push({
        kind: 'results JSON',
        url: `${url}/api/v1/evaluations/${evaluation}/results`,
        headers: viewer.headers,
      });
    } else {
      const offset = (i * 53) % 1000;
      targets.push({
        kind: 'units list',
        url: `${url}/api/v1/units?limit=100&offset=${offset}`,
        headers: researcher.headers,
      });
    }
  }
  return targets;
}

export interface LoadServer {
  readonly url: string;
  readonly zhili: ZhiliProcess;
  /** Imports (admin token). */
  readonly admin: SeededUser;
  /** Reads reports: cookie for pages, token for the results JSON. */
  readonly viewer: SeededUser;
  /** Reads the units list. */
  readonly researcher: SeededUser;
  /** The published demo evaluation. */
  readonly evaluation: string;
  /** The demo city's community codes. */
  readonly communities: readonly string[];
  close(): Promise<void>;
}

interface Page<T> {
  readonly items: readonly T[];
  readonly next: number | null;
}

/** An empty store with three users, then `npm start`: it loads, evaluates and publishes the demo city. */
export async function startLoadServer(): Promise<LoadServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'zhili-load-'));
  const store = await EmbeddedStore.open(dataDir);
  const admin = await seedUser(store, 'admin');
  const viewer = await seedUser(store, 'viewer');
  const researcher = await seedUser(store, 'researcher');
  await store.close();
  const zhili = await launchZhili({ DATA_DIR: dataDir, ZHILI_DEMO: 'auto' });
  const { url } = zhili;
  const evaluations = await request<Page<{ id: string }>>(
    `${url}/api/v1/evaluations?status=published`,
    admin.headers,
  );
  const evaluation = evaluations.body.items[0]?.id;
  if (evaluation === undefined) throw new Error(`no published evaluation: ${zhili.output()}`);
  const communities: string[] = [];
  for (let offset: number | null = 0; offset !== null;) {
    const units: Page<{ code: string }> = (
      await request<Page<{ code: string }>>(
        `${url}/api/v1/units?level=community&limit=500&offset=${offset}`,
        admin.headers,
      )
    ).body;
    communities.push(...units.items.map((u) => u.code));
    offset = units.next;
  }
  return {
    url,
    zhili,
    admin,
    viewer,
    researcher,
    evaluation,
    communities,
    close: async () => {
      await zhili.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Quarters from `first`: 2000Q1, 2000Q2 … */
export function quarters(firstYear: number, count: number): string[] {
  return Array.from({ length: count }, (_, k) => `${firstYear + Math.floor(k / 4)}Q${(k % 4) + 1}`);
}

/** One row per community and period, the default framework's 46 variables, periods in a column. */
export async function importFile(
  communities: readonly string[],
  periods: readonly string[],
): Promise<Buffer> {
  const variables = (await loadRegistry(indicatorsDir)).resolveFramework('default').variables;
  const rows = periods.flatMap((period) => syntheticRows(communities.length, period, variables.length));
  return frameworkCsv(variables, rows, {
    periodColumn: true,
    unitOf: (row) => communities[Number(row.unit.slice(1))] ?? row.unit,
  });
}

/** Uploads a file and polls its job every 25 ms until it finishes; the import time includes the upload. */
export async function timedImport(
  server: LoadServer,
  file: Buffer,
  name: string,
): Promise<{ job: JobView; seconds: number }> {
  const started = performance.now();
  const job = await uploadFile(server.url, server.admin.headers, file, {
    kind: 'observations',
    filename: name,
  });
  let finished: JobView | undefined;
  for (;;) {
    finished = await readJob(server.url, server.admin.headers, job.id);
    if (finished.status !== 'running' && finished.status !== 'queued') break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { job: finished, seconds: (performance.now() - started) / 1000 };
}

/** The samples of each kind of request, summarised over the same wall time. */
export function byKind(samples: readonly Sample[], seconds: number): { phase: string; summary: Summary }[] {
  const kinds = [...new Set(samples.map((s) => s.kind))];
  return kinds.map((kind) => ({
    phase: `  ${kind}`,
    summary: summarise(
      samples.filter((s) => s.kind === kind),
      seconds,
    ),
  }));
}

const fixed = (value: number, digits = 0): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');

export function table(
  rows: readonly { readonly phase: string; readonly summary?: Summary; readonly importSeconds?: number }[],
): string {
  const header = ['phase', 'requests', 'errors', 'p50 ms', 'p95 ms', 'max ms', 'req/s', 'import s'];
  const lines = rows.map(({ phase, summary, importSeconds }) => [
    phase,
    summary === undefined ? '' : String(summary.requests),
    summary === undefined ? '' : String(summary.errors),
    summary === undefined ? '' : fixed(summary.p50),
    summary === undefined ? '' : fixed(summary.p95),
    summary === undefined ? '' : fixed(summary.max),
    summary === undefined ? '' : fixed(summary.perSecond),
    importSeconds === undefined ? '' : fixed(importSeconds, 2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number ≥ 1`);
  return value;
}

async function main(): Promise<void> {
  const periods = option('--periods', 100);
  const clients = option('--clients', 200);
  const requests = option('--requests', 2000);
  console.log(
    `starting Zhili with the demo city (load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  const server = await startLoadServer();
  try {
    const targets = reportTargets(server, clients, !process.argv.includes('--without-results'));
    const [alone, during] = await Promise.all([
      importFile(server.communities, quarters(1900, periods)),
      importFile(server.communities, quarters(1950, periods)),
    ]);
    const rows = server.communities.length * periods;
    console.log(`${rows} rows × 46 variables per import (${(alone.length / 2 ** 20).toFixed(1)} MiB CSV)`);

    const reads = await closedLoop(targets, clients, (sent) => sent < requests);
    const quiet = await timedImport(server, alone, 'alone.csv');
    if (quiet.job.result?.outcome !== 'committed')
      throw new Error(`import alone: ${JSON.stringify(quiet.job)}`);

    let importing = true;
    const [loud, busy] = await Promise.all([
      timedImport(server, during, 'under-load.csv').finally(() => (importing = false)),
      closedLoop(targets, clients, () => importing),
    ]);
    if (loud.job.result?.outcome !== 'committed')
      throw new Error(`import under load: ${JSON.stringify(loud.job)}`);

    const summaries = {
      reads: summarise(reads.samples, reads.seconds),
      busy: summarise(busy.samples, busy.seconds),
    };
    console.log();
    console.log(
      table([
        { phase: `reads alone (${clients} clients)`, summary: summaries.reads },
        { phase: 'import alone', importSeconds: quiet.seconds },
        {
          phase: `import + reads (${clients} clients)`,
          summary: summaries.busy,
          importSeconds: loud.seconds,
        },
        ...byKind(busy.samples, busy.seconds),
      ]),
    );
    const failures = [...reads.samples, ...busy.samples].filter((s) => s.status !== 200);
    for (const failure of failures.slice(0, 10))
      console.log(`  ${failure.status} ${failure.url} ${failure.error ?? ''}`);
    console.log(
      `load average after: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    if (failures.length > 0) process.exitCode = 1;
  } catch (error) {
    console.error(`the server printed:\n${server.zhili.output().slice(-4000)}`);
    throw error;
  } finally {
    await server.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  await main();
}
