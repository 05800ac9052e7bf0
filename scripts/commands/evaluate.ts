/**
 * `evaluate FRAMEWORK --period P [--period Q …] [--publish]`: scores the stored data of those
 * periods with a framework of the registry and stores a draft evaluation (published with
 * --publish), with a progress bar on stderr.
 */
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { runEvaluation } from '../../server/evaluation/run-evaluation.js';
import { definitionsDir, registryOrExit } from './indicators-io.js';
import { withStore } from './with-store.js';
import { cliActor } from './cli-io.js';
import { serverHoldingStore } from './remote/held-store.js';
import { evaluateThroughApi } from './remote/evaluate-through-api.js';

interface EvaluateOptions {
  readonly period: string[];
  readonly publish?: boolean;
  readonly actor: string;
  readonly indicators?: string;
}

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description('score stored data with a framework and store the evaluation')
    .argument('<framework>', 'framework id, e.g. default')
    .requiredOption(
      '--period <id>',
      'period to evaluate (repeat for several)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('--publish', 'publish the evaluation (published evaluations are immutable)')
    .option('--actor <name>', 'who evaluates (default: cli:<system user>)', cliActor())
    .option('--indicators <dir>', 'definitions folder (default: the repository indicators/)')
    .action(async (frameworkId: string, options: EvaluateOptions) => {
      const server = await serverHoldingStore(options.actor);
      if (server !== undefined) return evaluateThroughApi(server, frameworkId, options);
      const registry = await registryOrExit(definitionsDir(options.indicators));
      await withStore(async (store) => {
        const bar = new SingleBar(
          { format: '{bar} {value}/{total} {step}', stream: process.stderr },
          Presets.shades_classic,
        );
        bar.start(4, 0, { step: 'start' });
        let evaluation;
        try {
          evaluation = await runEvaluation(
            store,
            registry,
            { frameworkId, periods: options.period, actor: options.actor },
            (done, total, step) => {
              bar.setTotal(total);
              bar.update(done, { step });
            },
          );
        } finally {
          bar.stop();
        }
        if (options.publish === true)
          evaluation = await store.evaluations.publish(evaluation.id, options.actor);
        console.log(
          `evaluation ${evaluation.id} (${evaluation.status}): ${frameworkId} over ${options.period.join(', ')}`,
        );
      });
    });
}
