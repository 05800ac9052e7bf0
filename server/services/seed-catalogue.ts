/**
 * The repository's indicators/ folder is the seed of the definitions catalogue. At start (and
 * before the CLI works with the catalogue): an empty catalogue gets the folder as version 1; a
 * folder that changed since its last seed import becomes a new version when nothing was published
 * since (so "edit a file, restart" keeps working for developers); when something was published
 * since, the folder is left alone and the caller is told how to import it. A folder with problems
 * fails with every problem listed, as loading it always did. Imports are audited (definitions.publish).
 *
 * @example const outcome = await seedCatalogue(store, indicatorsDir); if (outcome.kind === 'kept') logger.warn(outcome.message)
 */
import { catalogueSha256, type CatalogueFile, type CatalogueVersion } from '../domain/catalogue.js';
import type { Bilingual } from '../domain/bilingual.js';
import { catalogueChanges } from '../indicators/catalogue-changes.js';
import { readDefinitionFiles } from '../indicators/read-definition-files.js';
import type { Store } from '../store/store.js';
import { appendCatalogueVersion } from './append-catalogue-version.js';
import { registryOfFiles } from './definition-catalogue.js';

/** Who the audit log names for a seed import. */
export const SEED_ACTOR = 'system:seed';

export const SEED_REASON: Bilingual = { zh: '种子目录', en: 'seed catalogue' };
export const SEED_CHANGED_REASON: Bilingual = {
  zh: '种子目录（indicators/）已更改',
  en: 'the seed folder (indicators/) changed',
};

export type SeedOutcome =
  | { readonly kind: 'created' | 'updated'; readonly version: CatalogueVersion }
  | { readonly kind: 'unchanged' }
  /** The folder differs from the last seed import, but definitions were published since: left alone. */
  | { readonly kind: 'kept'; readonly latest: number; readonly message: string };

/** A folder's definition files as the catalogue keeps them (sorted, "/"-separated paths); throws a RegistryError when they have problems. */
export async function checkedFolderFiles(dir: string): Promise<CatalogueFile[]> {
  const files = (await readDefinitionFiles(dir)).map(({ file, text }) => ({ file, text }));
  registryOfFiles(files);
  return files;
}

function appendSeed(
  store: Store,
  files: readonly CatalogueFile[],
  latest: CatalogueVersion | undefined,
): Promise<CatalogueVersion> {
  return appendCatalogueVersion(store, {
    version: (latest?.version ?? 0) + 1,
    files,
    reason: latest === undefined ? SEED_REASON : SEED_CHANGED_REASON,
    actor: SEED_ACTOR,
    basedOn: latest?.version ?? null,
    origin: 'seed',
    changes: catalogueChanges(latest?.files ?? [], files),
  });
}

export async function seedCatalogue(store: Store, dir: string): Promise<SeedOutcome> {
  const files = await checkedFolderFiles(dir);
  const latest = await store.catalogue.latest();
  if (latest === undefined) return { kind: 'created', version: await appendSeed(store, files, undefined) };
  const sha256 = catalogueSha256(files);
  const lastSeed = (await store.catalogue.list()).find((version) => version.origin === 'seed');
  if (lastSeed?.sha256 === sha256 || latest.sha256 === sha256) return { kind: 'unchanged' };
  if (latest.origin !== 'seed') {
    return {
      kind: 'kept',
      latest: latest.version,
      message:
        `the indicators folder differs from the catalogue's last seed import, but version ${latest.version} ` +
        `was published since (${latest.origin}); the folder was not imported. To import it: ` +
        '`npm run zhili -- indicators publish-folder indicators --reason "…"`',
    };
  }
  return { kind: 'updated', version: await appendSeed(store, files, latest) };
}
