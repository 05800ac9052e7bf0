/**
 * `evaluate FRAMEWORK --period P [--period Q …] [--publish]`: scores the stored data of those
 * periods with a framework of the registry and stores a draft evaluation (published with
 * --publish), with a progress bar on stderr. Creating and publishing are the use cases the API
 * runs (server/services/), audited as evaluation.create and evaluation.publish for the actor
 * cli:<system user> unless --actor names another.
 */
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { cliActor } from '../../server/services/actor.js';
import { createEvaluation } from '../../server/services/create-evaluation.js';
import { publishEvaluation } from '../../server/services/publish-evaluation.js';
import { definitionsDir, registryOrExit } from './indicators-io.js';
import { withStore } from './with-store.js';
import { serverHoldingStore } from './remote/held-store.js';
import { evaluateThroughApi } from './remote/evaluate-through-api.js';

interface EvaluateOptions {
  readonly period: string[];
  readonly publish?: boolean;
  readonly actor?: string;
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
    .option('--actor <name>', 'who evaluates (default: cli:<system user>)')
    .option('--indicators <dir>', 'definitions folder (default: the repository indicators/)')
    .action(async (frameworkId: string, options: EvaluateOptions) => {
      const server = await serverHoldingStore(cliActor(options.actor).name);
      if (server !== undefined) return evaluateThroughApi(server, frameworkId, options);
      const registry = await registryOrExit(definitionsDir(options.indicators));
      const actor = cliActor(options.actor);
      await withStore(async (store) => {
        const bar = new SingleBar(
          { format: '{bar} {value}/{total} {step}', stream: process.stderr },
          Presets.shades_classic,
        );
        bar.start(4, 0, { step: 'start' });
        let evaluation;
        try {
          evaluation = await createEvaluation(
            { store, registry },
            actor,
            { framework: frameworkId, periods: options.period },
            (done, total, step) => {
              bar.setTotal(total);
              bar.update(done, { step });
            },
          );
        } finally {
          bar.stop();
        }
        if (options.publish === true) evaluation = await publishEvaluation({ store }, actor, evaluation.id);
        console.log(
          `evaluation ${evaluation.id} (${evaluation.status}): ${frameworkId} over ${options.period.join(', ')}`,
        );
      });
    });
}
