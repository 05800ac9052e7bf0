import { pino } from 'pino';
import type { AppDeps } from '../../server/app.js';
import { loadViews } from '../../server/http/views.js';
import type { Registry } from '../../server/indicators/registry-types.js';
import { indicatorsDir, viewsDir } from '../../server/paths.js';
import { openDefinitions } from '../../server/services/open-definitions.js';
import type { Store } from '../../server/store/store.js';

/** AppDeps plus the catalogue's current registry (read through the catalogue, so a publication shows). */
export interface TestAppDeps extends AppDeps {
  readonly registry: Registry;
}

/**
 * The app's dependencies around a given store: its definitions catalogue (seeded from the
 * repository's indicators/ folder, or `definitionsDir`, when empty, as the server does at start), the real views and a
 * silent logger.
 */
export async function appDeps(store: Store, definitionsDir = indicatorsDir): Promise<TestAppDeps> {
  const catalogue = await openDefinitions(store, definitionsDir);
  return {
    store,
    logger: pino({ level: 'silent' }),
    views: loadViews(viewsDir),
    catalogue,
    get registry(): Registry {
      return catalogue.current();
    },
  };
}
