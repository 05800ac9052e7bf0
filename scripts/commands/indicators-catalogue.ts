/**
 * The definitions catalogue and folders, both ways:
 * - `indicators publish-folder DIR --reason R` imports a folder of definitions as the next
 *   catalogue version (origin "folder"; its files replace the catalogue's, checked first, audited);
 * - `indicators export-folder --out DIR [--version N]` writes a version's files (default: the
 *   latest) in the same layout, byte for byte, plus the schemas so `indicators check DIR` works.
 * When a running server holds the embedded store, both go through its API.
 */
import path from 'node:path';
import type { Command } from 'commander';
import type { CatalogueFile, CatalogueVersion } from '../../server/domain/catalogue.js';
import { readCatalogueFolder, writeCatalogueFolder } from '../../server/indicators/catalogue-folder.js';
import { indicatorsDir } from '../../server/paths.js';
import { cliActor } from '../../server/services/actor.js';
import { openDefinitions } from '../../server/services/open-definitions.js';
import { publishFolder, type DefinitionChange } from '../../server/services/publish-definitions.js';
import { catalogueVersion } from '../../server/services/read-catalogue.js';
import { createServices } from '../../server/services/services.js';
import { cliErrorOf } from './app-error-text.js';
import { inStore } from './in-store.js';
import { serverHoldingStore } from './remote/held-store.js';
import type { ServerApi } from './remote/server-api.js';

/** What seeding said, on stderr. */
const stderrLog = {
  info: (_fields: object, message: string) => {
    console.error(message);
  },
  warn: (_fields: object, message: string) => {
    console.error(`warning: ${message}`);
  },
};

/** The changes that turn `base` into `files` (every file of the folder; missing ones removed). */
export function folderChanges(
  base: readonly CatalogueFile[],
  files: readonly CatalogueFile[],
): DefinitionChange[] {
  const wanted = new Map(files.map((f) => [f.file, f.text]));
  const changes: DefinitionChange[] = [];
  for (const { file, text } of files) {
    if (base.find((b) => b.file === file)?.text !== text) changes.push({ file, text });
  }
  for (const { file } of base) if (!wanted.has(file)) changes.push({ file, text: null });
  return changes;
}

function said(version: { version: number; changes: readonly unknown[] }): string {
  return `catalogue version ${version.version} published (${version.changes.length} file(s) changed)`;
}

async function publishThroughApi(server: ServerApi, files: CatalogueFile[], reason: string): Promise<string> {
  const list = (await server.call('GET', '/catalogue/versions')) as { items: { version: number }[] };
  const latest = list.items[0]?.version;
  if (latest === undefined) throw new Error('the running server has an empty catalogue');
  const base = (await server.call('GET', `/catalogue/versions/${latest}`)) as CatalogueVersion;
  const published = (await server.call('POST', '/catalogue', {
    json: { basedOn: latest, reason, changes: folderChanges(base.files, files) },
  })) as CatalogueVersion;
  return said(published);
}

export function registerIndicatorsCatalogue(indicators: Command): void {
  indicators
    .command('publish-folder')
    .description(
      'import a folder of definitions into the store as the next catalogue version (checked, audited)',
    )
    .argument('<dir>', 'the definitions folder')
    .requiredOption('--reason <text>', 'why the definitions change (recorded with the version)')
    .option('--actor <name>', 'who publishes (default: cli:<system user>)')
    .action(async (dir: string, options: { reason: string; actor?: string }) => {
      const actor = cliActor(options.actor);
      const files = await readCatalogueFolder(path.resolve(dir)).catch((error: unknown) => {
        throw cliErrorOf(error);
      });
      const server = await serverHoldingStore(actor.name);
      if (server !== undefined) {
        console.log(await publishThroughApi(server, files, options.reason));
        return;
      }
      await inStore(async (store) => {
        const catalogue = await openDefinitions(store, indicatorsDir, stderrLog);
        const version = await publishFolder(createServices(store, catalogue), actor, {
          files,
          reason: options.reason,
        });
        console.log(said(version));
      });
    });

  indicators
    .command('export-folder')
    .description("write a catalogue version's definition files (and the schemas) to a folder, byte for byte")
    .requiredOption('--out <dir>', 'the folder to write (empty or absent)')
    .option('--version <n>', 'the catalogue version (default: the latest)')
    .action(async (options: { out: string; version?: string }) => {
      const actor = cliActor();
      const wanted = options.version === undefined ? undefined : Number(options.version);
      if (wanted !== undefined && !(Number.isSafeInteger(wanted) && wanted >= 1)) {
        throw cliErrorOf(new Error(`--version must be a version number, found ${options.version}`));
      }
      const out = path.resolve(options.out);
      const server = await serverHoldingStore(actor.name);
      let version: CatalogueVersion;
      if (server !== undefined) {
        const n =
          wanted ??
          ((await server.call('GET', '/catalogue/versions')) as { items: { version: number }[] }).items[0]
            ?.version;
        version = (await server.call('GET', `/catalogue/versions/${n ?? 1}`)) as CatalogueVersion;
      } else {
        version = await inStore(async (store) => {
          const catalogue = await openDefinitions(store, indicatorsDir, stderrLog);
          return catalogueVersion({ store }, actor, wanted ?? catalogue.version());
        });
      }
      try {
        const schemas = await writeCatalogueFolder(version.files, out, indicatorsDir);
        console.log(
          `catalogue version ${version.version}: ${version.files.length} definition file(s) and ${schemas.length} schema(s) written to ${out}`,
        );
      } catch (error) {
        throw cliErrorOf(error);
      }
    });
}
