/**
 * The definitions catalogue of a store, ready to use: seeded from the definitions folder first
 * (seed-catalogue.ts: an empty catalogue gets it as version 1, a changed folder a new version when
 * nothing was published since), then opened on its latest version. What the seeding did goes to
 * `log` (the server's logger, or the CLI's stderr).
 *
 * @example const catalogue = await openDefinitions(store, indicatorsDir, { info: console.error, warn: console.error });
 */
import type { Store } from '../store/store.js';
import { DefinitionCatalogue } from './definition-catalogue.js';
import { seedCatalogue } from './seed-catalogue.js';

export interface SeedLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

const SILENT: SeedLog = { info: () => undefined, warn: () => undefined };

export async function openDefinitions(
  store: Store,
  dir: string,
  log: SeedLog = SILENT,
): Promise<DefinitionCatalogue> {
  const outcome = await seedCatalogue(store, dir);
  if (outcome.kind === 'created') {
    log.info(
      { version: outcome.version.version, files: outcome.version.fileCount },
      'definitions catalogue seeded from the indicators folder',
    );
  } else if (outcome.kind === 'updated') {
    log.info(
      { version: outcome.version.version, changes: outcome.version.changes.length },
      'the indicators folder changed: imported as a new catalogue version',
    );
  } else if (outcome.kind === 'kept') {
    log.warn({ latest: outcome.latest }, outcome.message);
  }
  return DefinitionCatalogue.open(store.catalogue);
}
