/**
 * Benchmark of the evaluator's form: the demo city in an embedded store, served by the app on
 * loopback to a logged-in evaluator, who submits /evaluations/new as the page fills it in (the
 * framework's methods, the Monte Carlo on with every factor) with `--runs` runs (500). Times each
 * submit until the job page sends the evaluator on to the new draft (polling it every 50 ms, as a
 * browser following the progress bar would), `--repeats` times, and prints each and the median.
 *
 * Run: npx tsx scripts/bench/evaluation-form-bench.ts [--runs 500] [--repeats 3]
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
import { loadDemo } from '../../server/demo/load-demo.js';
import { loadViews } from '../../server/http/views.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import { indicatorsDir, viewsDir } from '../../server/paths.js';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number ≥ 1`);
  return value;
}

async function submitAndFollow(base: string, cookie: string, form: URLSearchParams): Promise<number> {
  const t0 = performance.now();
  const posted = await fetch(`${base}/evaluations/new`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  const job = posted.headers.get('location');
  if (posted.status !== 303 || job === null) throw new Error(`the form answered ${posted.status}`);
  for (;;) {
    const answer = await fetch(`${base}${job}`, { redirect: 'manual', headers: { cookie } });
    await answer.arrayBuffer();
    if (answer.status === 303) return performance.now() - t0;
    if (answer.status !== 200) throw new Error(`the job page answered ${answer.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function main(): Promise<void> {
  const runs = option('--runs', 500);
  const repeats = option('--repeats', 3);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'zhili-form-bench-'));
  const store = await EmbeddedStore.open(dataDir);
  try {
    const registry = await loadRegistry(indicatorsDir);
    const demo = await loadDemo(store, registry);
    const user = await store.users.create({ login: 'bench', displayName: 'Bench', role: 'evaluator' });
    const { secret, session } = await startSession(store, user);
    const cookie = `zhili_session=${secret}`;
    const app = buildApp({
      store,
      catalogue: await openDefinitions(store, indicatorsDir),
      views: loadViews(viewsDir),
      logger: pino({ level: 'silent' }),
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const form = new URLSearchParams({
      _csrf: session.csrfToken ?? '',
      framework: 'default',
      periods: demo.periods.join(','),
      parallel: 'on',
      mc: 'on',
      'mc.runs': String(runs),
      'mc.seed': '1',
      'mc.weights': 'on',
      'mc.range': '0.25',
      'mc.imputation': 'on',
      'mc.treatment': 'on',
      'mc.aggregation': 'on',
      'ctx.peers': 'register',
      'ctx.expected': 'on',
    });
    console.log(
      `Evaluation form benchmark: the demo city, ${runs} Monte Carlo runs; Node ${process.version}, ` +
        `${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1) ?? '?'}`,
    );
    try {
      const times: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const ms = await submitAndFollow(`http://127.0.0.1:${port}`, cookie, form);
        times.push(ms);
        console.log(`submit → draft: ${(ms / 1000).toFixed(2)} s`);
      }
      times.sort((a, b) => a - b);
      console.log(`median ${((times[Math.floor(times.length / 2)] ?? Number.NaN) / 1000).toFixed(2)} s`);
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
