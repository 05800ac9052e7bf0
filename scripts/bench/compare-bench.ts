/**
 * Benchmark of the evaluations comparison page: two evaluations of the same 10,000 communities (the
 * demo city ×10, scaled-city.ts) — the default method with a Monte Carlo analysis (so the page
 * shows rank intervals), and a variant with equal weights and the geometric mean — in an embedded
 * store, served by the app on loopback to a logged-in viewer. Times the first request (reads both
 * results and compares them), then `--requests` requests one after another, each a different view
 * of the comparison (sort by rank or shift, page, language, level), and prints p50/p95.
 *
 * Run: npx tsx scripts/bench/compare-bench.ts [--copies 10] [--requests 50]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { startSession } from '../../server/access/credentials.js';
import { buildApp } from '../../server/app.js';
import { openDefinitions } from '../../server/services/open-definitions.js';
import { runEvaluation } from '../../server/evaluation/run-evaluation.js';
import { loadViews } from '../../server/http/views.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import { indicatorsDir, viewsDir } from '../../server/paths.js';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { scaledCity } from './scaled-city.js';
import { importScaledCity } from './import-scaled-city.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number ≥ 1`);
  return value;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function timed(url: string, cookie: string): Promise<number> {
  const t0 = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const copies = option('--copies', 10);
  const requests = option('--requests', 50);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'zhili-compare-bench-'));
  const store = await EmbeddedStore.open(dataDir);
  try {
    let t = performance.now();
    const city = scaledCity(copies);
    const registry = await loadRegistry(indicatorsDir);
    await importScaledCity(store, city);
    const evaluate = async (methods: object | undefined, uncertainty: object | undefined) => {
      const draft = await runEvaluation(store, registry, {
        frameworkId: 'default',
        periods: city.periods,
        actor: 'bench',
        ...(methods === undefined ? {} : { methods }),
        ...(uncertainty === undefined ? {} : { uncertainty }),
      });
      return store.evaluations.publish(draft.id, 'bench');
    };
    const a = await evaluate(undefined, {
      replications: 100,
      seed: 2025,
      weights: { method: 'uniform', range: 0.25 },
    });
    const b = await evaluate(
      {
        normalisation: { method: 'minmax', range: [1, 100] },
        weighting: { method: 'equal' },
        aggregation: { method: 'geometric' },
      },
      undefined,
    );
    const reader = await store.users.create({ login: 'bench', displayName: 'Bench reader', role: 'viewer' });
    const cookie = `zhili_session=${(await startSession(store, reader)).secret}`;
    console.log(
      `Compare benchmark: ${city.communities.length} communities, ${city.periods.length} periods, ` +
        `two evaluations built in ${((performance.now() - t) / 1000).toFixed(1)} s; Node ${process.version}, ` +
        `${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1) ?? '?'}`,
    );
    const app = buildApp({
      store,
      catalogue: await openDefinitions(store, indicatorsDir),
      views: loadViews(viewsDir),
      logger: pino({ level: 'silent' }),
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}/evaluations/compare?ids=${a.id},${b.id}`;
    try {
      t = performance.now();
      await timed(base, cookie);
      console.log(`first request (reads both results, compares): ${(performance.now() - t).toFixed(0)} ms`);
      const views = ['rank-A', 'rank-B', 'shift-B', 'unit'].flatMap((sort) =>
        ['asc', 'desc'].flatMap((dir) =>
          ['zh', 'en'].flatMap((lang) => [1, 2, 50, 200].map((page) => ({ sort, dir, lang, page }))),
        ),
      );
      const url = (i: number): string => {
        const view = views[(i * 7) % views.length] ?? { sort: 'rank-A', dir: 'asc', lang: 'zh', page: 1 };
        const level = i % 10 === 9 ? '&level=street' : '';
        return `${base}&sort=${view.sort}&dir=${view.dir}&lang=${view.lang}&page=${view.page}${level}`;
      };
      const latencies = new Float64Array(requests);
      for (let i = 0; i < requests; i++) latencies[i] = await timed(url(i), cookie);
      latencies.sort();
      console.log(
        `compare page: ${requests} requests one after another, p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
          `p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${latencies[latencies.length - 1]?.toFixed(1)} ms`,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
