/**
 * `import confirm BATCH [--reason T]` and `import return BATCH --reason T`: confirm or return a
 * self-reported batch through the review use case (server/services/review-batch.ts), audited as
 * batch.confirm / batch.return for the actor cli:<system user> unless --actor names another. While
 * a server holds the embedded store the command goes through its API, as the imports do.
 *
 * @example npm run zhili -- import return imp_… --reason "入户数与台账不符"
 */
import type { Command } from 'commander';
import type { ReviewDecision } from '../../server/domain/data-source.js';
import type { ImportBatch } from '../../server/domain/import-batch.js';
import { AppError } from '../../server/errors.js';
import { cliActor } from '../../server/services/actor.js';
import { reviewBatch } from '../../server/services/review-batch.js';
import { CliError } from './cli-error.js';
import { asBatch } from './remote/answers.js';
import { serverHoldingStore } from './remote/held-store.js';
import { withStore } from './with-store.js';

interface ReviewOptions {
  readonly actor?: string;
  readonly reason?: string;
}

async function review(id: string, decision: ReviewDecision, options: ReviewOptions): Promise<void> {
  const reason = options.reason?.trim() ?? '';
  const input = reason === '' ? { decision } : { decision, reason };
  const actor = cliActor(options.actor);
  const server = await serverHoldingStore(actor.name);
  let batch: ImportBatch;
  if (server !== undefined) {
    const action = decision === 'confirmed' ? 'confirm' : 'return';
    const body = reason === '' ? {} : { reason };
    batch = asBatch(
      await server.call('POST', `/imports/${encodeURIComponent(id)}/${action}`, { json: body }),
    );
  } else {
    batch = await withStore(async (store) => {
      try {
        return await reviewBatch({ store }, actor, id, input);
      } catch (error) {
        if (error instanceof AppError) throw new CliError(error.message);
        throw error;
      }
    });
  }
  console.log(`${decision} batch ${batch.id} (${batch.fileName})${reason === '' ? '' : `: ${reason}`}`);
}

export function registerImportReview(command: Command): void {
  command
    .command('confirm')
    .argument('<batch>', 'the id of a committed self-reported observations batch')
    .description('confirm a self-reported batch; it is then locked (a change is a correcting import)')
    .option('--reason <text>', 'a note kept with the confirmation')
    .option('--actor <name>', 'who confirms (default: cli:<system user>)')
    .action((id: string, options: ReviewOptions) => review(id, 'confirmed', options));
  command
    .command('return')
    .argument('<batch>', 'the id of a committed self-reported observations batch')
    .description('return a self-reported batch: evaluations stop using it')
    .requiredOption('--reason <text>', 'why it is returned (the community must know what to correct)')
    .option('--actor <name>', 'who returns it (default: cli:<system user>)')
    .action((id: string, options: ReviewOptions) => review(id, 'returned', options));
}
