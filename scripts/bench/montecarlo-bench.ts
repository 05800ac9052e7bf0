/**
 * Benchmark of the Monte Carlo uncertainty analysis: 1,000 replications on 10,000 synthetic units ×
 * the default framework's 33 indicators (5 dimensions), varying the weights (±25 %), imputation (none
 * or mean), treatment (on or off), normalisation (min-max [1, 100] or rank) and aggregation
 * (arithmetic or geometric). Prints the wall time over the worker pool (target < 30 s), the cost per
 * replication, the time with one worker and the speed-up, and checks that both give identical ranks.
 *
 * Run: npx tsx scripts/bench/montecarlo-bench.ts [--units 10000] [--replications 1000] [--workers N] [--no-single]
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { UncertaintyResult } from '../../server/engine/uncertainty/result.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import { engineChoices, toEngineInput } from '../../server/indicators/to-engine-input.js';
import { indicatorsDir } from '../../server/paths.js';
import { runUncertainty } from '../../server/workers/run-uncertainty.js';
import { syntheticVariables } from './engine-data.js';

function option(args: readonly string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number ≥ 1`);
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const units = option(args, '--units', 10_000);
  const replications = option(args, '--replications', 1000);
  const workers = option(args, '--workers', availableParallelism());
  const framework = (await loadRegistry(indicatorsDir)).resolveFramework('default');
  const codes = Array.from({ length: units }, (_, i) => `c${i}`);
  const input = toEngineInput(framework, { codes }, [
    { id: '2024', variables: syntheticVariables(framework, units, 20_24) },
  ]);
  const base = engineChoices(framework);
  const settings = {
    replications,
    seed: 2024,
    weights: { method: 'uniform', range: 0.25 },
    imputation: [{ method: 'none' }, { method: 'mean' }],
    treatment: true,
    normalisation: [{ method: 'minmax', range: [1, 100] }, { method: 'rank' }],
    aggregation: [{ method: 'arithmetic' }, { method: 'geometric' }],
  };
  console.log(
    `Monte Carlo benchmark: ${replications} replications, ${units} units × ${framework.indicators.length} indicators ` +
      `(${framework.dimensions.length} dimensions), Node ${process.version}, ${availableParallelism()} cores, ` +
      `load average ${loadavg()[0]?.toFixed(1) ?? '?'} (other processes slow it down)`,
  );

  // CPU time of the whole process (this thread and the workers): other processes on the machine
  // stretch the wall clock but hardly the CPU time, so compare runs by it under load.
  const timed = async (
    threads: number,
  ): Promise<{ ms: number; cpuMs: number; result: UncertaintyResult }> => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const result = await runUncertainty(input, base, settings, { workers: threads });
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, result };
  };
  const pool = await timed(workers);
  const perRun = pool.ms / pool.result.runs;
  console.log(
    `${workers} worker(s): ${(pool.ms / 1000).toFixed(2)} s for ${pool.result.runs} runs ` +
      `(${perRun.toFixed(1)} ms per replication, wall clock; includes the nominal run, upstream stages and worker start-up); ` +
      `CPU ${(pool.cpuMs / 1000).toFixed(1)} s (${(pool.cpuMs / pool.result.runs).toFixed(1)} ms per replication), ` +
      `load average now ${loadavg()[0]?.toFixed(1) ?? '?'}`,
  );
  const row = pool.result.nominal.indexOf(1);
  const s = pool.result.statistics;
  console.log(
    `the nominal #1 (${pool.result.unitCodes[row] ?? '?'}): median rank ${s.median[row]}, 5–95 % interval [${s.p5[row]}, ${s.p95[row]}], top-10 share ${s.topShare[row]}`,
  );
  if (args.includes('--no-single') || workers === 1) return;
  const single = await timed(1);
  const identical = Buffer.from(single.result.ranks.buffer).equals(Buffer.from(pool.result.ranks.buffer));
  console.log(
    `1 worker: ${(single.ms / 1000).toFixed(1)} s (${(single.ms / single.result.runs).toFixed(1)} ms per replication); ` +
      `speed-up ×${(single.ms / pool.ms).toFixed(2)} with ${workers}; ranks identical: ${identical}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
