/**
 * Benchmark of "my priorities" (an official's own 0–5 ratings re-rank the units): one published
 * evaluation of 10,000 communities (the demo city ×10, scaled-city.ts), embedded store, served
 * in-process on loopback to a logged-in viewer, the evaluation page opened in Debian's chromium.
 * Times, for `--changes` changes of one rating one after another, the whole round in the browser:
 * from the select's change to the table updated in place (the script's debounce, the request, the
 * engine's re-ranking of all 10,000 units on the server, the JSON, the table rebuilt); and the JSON
 * request alone from Node. Prints p50/p95 of both.
 *
 * Run: npx tsx scripts/bench/priorities-bench.ts [--copies 10] [--changes 40]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { chromium } from 'playwright-core';
import { startSession } from '../../server/access/credentials.js';
import { buildApp } from '../../server/app.js';
import { openDefinitions } from '../../server/services/open-definitions.js';
import { runEvaluation } from '../../server/evaluation/run-evaluation.js';
import { loadViews } from '../../server/http/views.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import { indicatorsDir, viewsDir } from '../../server/paths.js';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/reports/browser/chromium.js';
import { scaledCity } from './scaled-city.js';
import { importScaledCity } from './import-scaled-city.js';

const DIMENSIONS = ['coverage', 'responsiveness', 'autonomy', 'intelligence', 'institutionalization'];

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number ≥ 1`);
  return value;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function summary(values: Float64Array): string {
  values.sort();
  return `p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${values[values.length - 1]?.toFixed(1)} ms`;
}

async function main(): Promise<void> {
  const copies = option('--copies', 10);
  const changes = option('--changes', 40);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'zhili-priorities-bench-'));
  const store = await EmbeddedStore.open(dataDir);
  try {
    const t = performance.now();
    const city = scaledCity(copies);
    const registry = await loadRegistry(indicatorsDir);
    await importScaledCity(store, city);
    const draft = await runEvaluation(store, registry, {
      frameworkId: 'default',
      periods: city.periods,
      actor: 'bench',
    });
    const evaluation = await store.evaluations.publish(draft.id, 'bench');
    const reader = await store.users.create({ login: 'bench', displayName: 'Bench reader', role: 'viewer' });
    const cookie = `zhili_session=${(await startSession(store, reader)).secret}`;
    console.log(
      `Priorities benchmark: ${city.communities.length} communities, ${city.periods.length} periods, ` +
        `evaluation built in ${((performance.now() - t) / 1000).toFixed(1)} s; Node ${process.version}, ` +
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
    const base = `http://127.0.0.1:${port}`;
    const page = `${base}/evaluations/${evaluation.id}`;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    try {
      const rating = (i: number) => DIMENSIONS.map((d, j) => `w.${d}=${(i + j * 2) % 6 || 1}`).join('&');
      // The JSON request alone (the first one also builds the report context).
      let t0 = performance.now();
      await (await fetch(`${page}/priorities?${rating(0)}`, { headers: { cookie } })).arrayBuffer();
      console.log(`first request (reads and indexes the results): ${(performance.now() - t0).toFixed(0)} ms`);
      const requests = new Float64Array(changes);
      for (let i = 0; i < changes; i++) {
        t0 = performance.now();
        const response = await fetch(`${page}/priorities?${rating(i + 1)}`, { headers: { cookie } });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`answered ${response.status}`);
        requests[i] = performance.now() - t0;
      }
      console.log(`JSON request (re-rank 10,000 units, top 50 formatted): ${summary(requests)}`);

      const context = await browser.newContext();
      const [name = '', ...value] = cookie.split('=');
      await context.addCookies([{ name, value: value.join('='), url: base }]);
      const tab = await context.newPage();
      await tab.goto(`${page}?${rating(0)}#my-priorities`, { waitUntil: 'load' });
      const rounds = new Float64Array(changes);
      const debounce = 120;
      for (let i = 0; i < changes; i++) {
        const dimension = DIMENSIONS[i % DIMENSIONS.length] ?? 'coverage';
        const current = await tab.inputValue(`select[name="w.${dimension}"]`);
        const next = String((Number(current) + 1 + (i % 4)) % 6 || 1);
        rounds[i] = await tab.evaluate(
          `new Promise((resolve) => {
            const result = document.getElementById('priorities-result');
            const before = result.dataset.updated;
            const select = document.querySelector('select[name="w.${dimension}"]');
            const observer = new MutationObserver(() => {
              if (result.dataset.updated !== before) { observer.disconnect(); resolve(performance.now() - t0); }
            });
            observer.observe(result, { attributes: true, attributeFilter: ['data-updated'] });
            const t0 = performance.now();
            select.value = '${next}';
            select.dispatchEvent(new Event('change', { bubbles: true }));
          })`,
        );
      }
      console.log(
        `in chromium, one rating changed → table updated in place (incl. the ${debounce} ms debounce): ${summary(rounds)}`,
      );
      const less = Float64Array.from(rounds, (ms) => ms - debounce);
      console.log(`  the same without the debounce: ${summary(less)}`);
    } finally {
      await browser.close();
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
