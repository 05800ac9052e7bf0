/**
 * Benchmark of the full default pipeline (compute → screen → impute → treat → normalise → weight →
 * aggregate → rank) on synthetic data for the default framework's 33 indicators, with the registry's
 * compiled formulas. Prints the time of runPipeline (first run and best of three), the time per stage,
 * and memory; with --growth, how time grows from 10,000 to 600,000 units.
 *
 * Run: node --max-old-space-size=2048 --import tsx scripts/bench/engine-bench.ts [--units 600000] [--growth]
 *      [--cold-threads]
 */
import { performance } from 'node:perf_hooks';
import { checkEverything } from '../../server/engine/pipeline.js';
import { runPipeline } from '../../server/engine/pipeline.js';
import { startEngineThreads } from '../../server/engine/parallel/pool.js';
import { aggregateStage } from '../../server/engine/stages/aggregate.js';
import { computeStage } from '../../server/engine/stages/compute.js';
import { imputeStage } from '../../server/engine/stages/impute.js';
import { normaliseStage } from '../../server/engine/stages/normalise.js';
import { rankStage } from '../../server/engine/stages/rank.js';
import { screenStage } from '../../server/engine/stages/screen.js';
import { treatStage } from '../../server/engine/stages/treat.js';
import { weightStage } from '../../server/engine/stages/weight.js';
import { initialState } from '../../server/engine/state.js';
import type { EngineInput } from '../../server/engine/types.js';
import { unitCodeIndex } from '../../server/engine/validate-input.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import type { ResolvedFramework } from '../../server/indicators/registry-types.js';
import { engineChoices, toEngineInput } from '../../server/indicators/to-engine-input.js';
import { indicatorsDir } from '../../server/paths.js';
import { syntheticVariables } from './engine-data.js';

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

function inputFor(framework: ResolvedFramework, units: number): EngineInput {
  const codes = Array.from({ length: units }, (_, i) => `c${i}`);
  // An evaluation indexes its codes as it reads its data (server/evaluation/engine-data.ts), with
  // the engine's own index, which the pipeline's check then finds; so here.
  unitCodeIndex(codes);
  return toEngineInput(framework, { codes }, [
    { id: '2024', variables: syntheticVariables(framework, units, 20_24) },
  ]);
}

interface Timing {
  /** Wall-clock milliseconds. */
  readonly wall: number;
  /** CPU milliseconds of the process (user + system): less sensitive to other load on the machine. */
  readonly cpu: number;
}

function timeRun(input: EngineInput, framework: ResolvedFramework): Timing {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = runPipeline(input, engineChoices(framework));
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  if (result.scores.values.get(framework.root.id) === undefined) throw new Error('no index score');
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const best = (timings: readonly Timing[]): Timing => ({
  wall: Math.min(...timings.map((t) => t.wall)),
  cpu: Math.min(...timings.map((t) => t.cpu)),
});

function stageTimes(input: EngineInput, framework: ResolvedFramework): string {
  const timings: string[] = [];
  let start = performance.now();
  const { frame, prepared } = checkEverything(input, engineChoices(framework));
  timings.push(`check ${(performance.now() - start).toFixed(0)}`);
  let state = initialState(frame, []);
  const stages = [
    ['compute', computeStage],
    ['screen', screenStage],
    ['impute', imputeStage],
    ['treat', treatStage],
    ['normalise', normaliseStage],
    ['weight', weightStage],
    ['aggregate', aggregateStage],
    ['rank', rankStage],
  ] as const;
  for (const [name, stage] of stages) {
    start = performance.now();
    state = stage(state, prepared);
    timings.push(`${name} ${(performance.now() - start).toFixed(0)}`);
  }
  return timings.join(', ');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unitsArg = args.indexOf('--units');
  const units = unitsArg >= 0 ? Number(args[unitsArg + 1]) : 600_000;
  const framework = (await loadRegistry(indicatorsDir)).resolveFramework('default');
  console.log(
    `engine benchmark: framework "default", ${framework.indicators.length} indicators, Node ${process.version}`,
  );

  if (args.includes('--growth')) {
    for (const n of [10_000, 50_000, 100_000, 200_000, 400_000, 600_000]) {
      const input = inputFor(framework, n);
      timeRun(input, framework);
      const { wall, cpu } = best([
        timeRun(input, framework),
        timeRun(input, framework),
        timeRun(input, framework),
      ]);
      console.log(
        `${String(n).padStart(7)} units: ${wall.toFixed(0).padStart(5)} ms wall, ${cpu.toFixed(0).padStart(5)} ms CPU ` +
          `(${((cpu / n) * 1e3).toFixed(2)} µs CPU per unit)`,
      );
    }
    return;
  }

  // As an evaluation does while it reads its data (server/evaluation/engine-data.ts): the helper
  // threads start now and are ready by the first run (--cold-threads: they start with it).
  const threads = args.includes('--cold-threads') ? undefined : startEngineThreads();
  let start = performance.now();
  const input = inputFor(framework, units);
  // An evaluation's reads from the store give the helpers their turns to come up; these synthetic
  // data are made without a pause, so the bench waits for what those turns would have done.
  await threads;
  console.log(
    `load average: ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `synthetic data: ${units} units × ${framework.variables.length} variables in ${(performance.now() - start).toFixed(0)} ms`,
  );
  start = performance.now();
  const first = timeRun(input, framework);
  // One evaluation's footprint: the input and one result (V8 frees the shared columns of earlier
  // results late when runs follow each other with no pause, so the figure after the runs is higher).
  const afterFirst = process.memoryUsage();
  const runs = [first, timeRun(input, framework), timeRun(input, framework), timeRun(input, framework)];
  const memory = process.memoryUsage();
  const fastest = best(runs.slice(1));
  console.log(
    `runPipeline: first ${first.wall.toFixed(0)} ms wall (${first.cpu.toFixed(0)} ms CPU), ` +
      `best of the next 3 ${fastest.wall.toFixed(0)} ms wall (${fastest.cpu.toFixed(0)} ms CPU)`,
  );
  console.log(`stages (ms): ${stageTimes(input, framework)}`);
  console.log(
    `memory after the first run: array buffers ${mib(afterFirst.arrayBuffers)}, rss ${mib(afterFirst.rss)}`,
  );
  console.log(
    `memory after the runs: heap used ${mib(memory.heapUsed)}, heap total ${mib(memory.heapTotal)}, ` +
      `array buffers ${mib(memory.arrayBuffers)}, rss ${mib(memory.rss)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
