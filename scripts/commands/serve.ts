import type { Command } from 'commander';
import { start } from '../../server/main.js';
import { configOrExit } from './config-or-exit.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the web server (same as `npm start`)')
    .action(async () => {
      const running = await start(configOrExit());
      console.log(`治理 Zhili: ${running.url}`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await running.stop();
    });
}
