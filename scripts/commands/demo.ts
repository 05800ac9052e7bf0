/** `demo`: loads the demo city 梧阳市 into the configured store and publishes its evaluation (audited as demo.load). */
import type { Command } from 'commander';
import { cliActor } from '../../server/services/actor.js';
import { loadDemoCity } from '../../server/services/load-demo-city.js';
import { definitionsDir, registryOrExit } from './indicators-io.js';
import { withStore } from './with-store.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('load the demo city (7 districts, 80 streets, 1,000 communities, 3 periods) and evaluate it')
    .action(async () => {
      const registry = await registryOrExit(definitionsDir(undefined));
      await withStore(async (store) => {
        const started = performance.now();
        const evaluation = await loadDemoCity({ store, registry }, cliActor());
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(`demo city loaded; evaluation ${evaluation.id} (${evaluation.status}) in ${seconds} s`);
      });
    });
}
