import { AppError } from '../../server/errors.js';
import { assertNoUnfinishedRestore } from '../../server/backup/restore-marker.js';
import { openStore } from '../../server/store/open-store.js';
import type { Store } from '../../server/store/store.js';
import { CliError } from './cli-error.js';
import { configOrExit } from './config-or-exit.js';

/**
 * Opens the configured store for one command and closes it afterwards; app errors print without a
 * stack. A store with an unfinished restore is refused, except by the restore that finishes it.
 */
export async function withStore<T>(
  run: (store: Store) => Promise<T>,
  options: { readonly duringRestore?: boolean } = {},
): Promise<T> {
  const store = await openStore(configOrExit()).catch((error: unknown) => {
    throw error instanceof AppError ? new CliError(error.message) : error;
  });
  try {
    if (options.duringRestore !== true) await assertNoUnfinishedRestore(store);
    return await run(store);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message);
    throw error;
  } finally {
    await store.close();
  }
}
