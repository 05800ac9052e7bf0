import type { Command } from 'commander';
import { openStore } from '../../server/store/open-store.js';
import { configOrExit } from './config-or-exit.js';
import { CliError } from './cli-error.js';

export function registerStore(program: Command): void {
  const store = program.command('store').description('inspect the configured store');
  store
    .command('ping')
    .description('open the store named by the environment and check it answers')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const config = configOrExit();
      const opened = await openStore(config);
      try {
        const health = await opened.ping();
        if (options.json === true) console.log(JSON.stringify(health));
        else console.log(`${health.kind}: ${health.status} (${health.latencyMs.toFixed(1)} ms)`);
        if (health.status !== 'ok') throw new CliError(`store is down: ${health.error ?? 'no answer'}`);
      } finally {
        await opened.close();
      }
    });
}
