import type { Command } from 'commander';
import { buildFerretDb, startFerretDb } from '../ferretdb.js';

export function registerFerretDb(program: Command): void {
  program
    .command('ferretdb')
    .description('build (once) and run a throw-away FerretDB server on loopback, until Ctrl-C')
    .action(async () => {
      const ferret = await startFerretDb(await buildFerretDb());
      console.log(`FerretDB is listening. Try: MONGODB_URI=${ferret.baseUri}/zhili npm start`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await ferret.stop();
    });
}
