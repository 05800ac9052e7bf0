/**
 * Runs a command against the configured store (opened and closed around it); an AppError prints
 * with every problem it lists, and exits 1.
 */
import type { Store } from '../../server/store/store.js';
import { cliErrorOf } from './app-error-text.js';
import { withStore } from './with-store.js';

export function inStore<T>(
  run: (store: Store) => Promise<T>,
  options: { readonly duringRestore?: boolean } = {},
): Promise<T> {
  return withStore(async (store) => {
    try {
      return await run(store);
    } catch (error) {
      throw cliErrorOf(error);
    }
  }, options);
}
