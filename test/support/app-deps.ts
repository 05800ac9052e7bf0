import { pino } from 'pino';
import type { AppDeps } from '../../server/app.js';
import { loadViews } from '../../server/http/views.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import type { Registry } from '../../server/indicators/registry-types.js';
import { indicatorsDir, viewsDir } from '../../server/paths.js';
import type { Store } from '../../server/store/store.js';

let registry: Promise<Registry> | undefined;

/** The app's dependencies around a given store: the real registry and views, a silent logger. */
export async function appDeps(store: Store): Promise<AppDeps> {
  registry ??= loadRegistry(indicatorsDir);
  return { store, logger: pino({ level: 'silent' }), views: loadViews(viewsDir), registry: await registry };
}
