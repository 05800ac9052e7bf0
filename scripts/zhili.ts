/**
 * The Zhili command line: `npm run zhili -- <command> [options]`.
 * Each command lives in scripts/commands/ and registers itself on the program.
 */
import { Command, CommanderError } from 'commander';
import { registerServe } from './commands/serve.js';
import { registerStore } from './commands/store.js';
import { registerFerretDb } from './commands/ferretdb.js';
import { registerIndicators } from './commands/indicators.js';
import { registerScore } from './commands/score.js';
import { registerAudit } from './commands/audit.js';
import { registerImport } from './commands/import.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerExport } from './commands/export.js';
import { registerDemo } from './commands/demo.js';
import { registerUsers } from './commands/users.js';
import { registerBackup } from './commands/backup.js';
import { CliError } from './commands/cli-error.js';

export function buildProgram(): Command {
  const program = new Command('zhili')
    .description('治理 Zhili — governance-modernization evaluation engine')
    .showHelpAfterError()
    .exitOverride();
  registerServe(program);
  registerStore(program);
  registerFerretDb(program);
  registerIndicators(program);
  registerScore(program);
  registerAudit(program);
  registerImport(program);
  registerEvaluate(program);
  registerExport(program);
  registerDemo(program);
  registerUsers(program);
  registerBackup(program);
  return program;
}

async function main(argv: readonly string[]): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    if (error instanceof CliError) {
      console.error(error.message);
      process.exit(error.exitCode);
    }
    throw error;
  }
}

// `zhili … | head` closes the pipe early: stop quietly instead of crashing with EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
