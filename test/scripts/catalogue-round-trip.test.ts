/**
 * Folder ↔ store, byte for byte, on both adapters: the repository's indicators/ folder imported as
 * a catalogue version (publishFolder, what `indicators publish-folder` runs) and exported again
 * (writeCatalogueFolder, what `indicators export-folder` runs) gives back every definition file
 * with the same bytes and the same file list; the schemas come along, so the export checks clean.
 * Then the commands themselves, on an embedded store.
 */
import { expect } from 'chai';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { registerIndicators } from '../../scripts/commands/indicators.js';
import { readCatalogueFolder, writeCatalogueFolder } from '../../server/indicators/catalogue-folder.js';
import { checkFolder } from '../../server/indicators/load-registry.js';
import { readDefinitionFiles } from '../../server/indicators/read-definition-files.js';
import { indicatorsDir } from '../../server/paths.js';
import { cliActor } from '../../server/services/actor.js';
import { DefinitionCatalogue } from '../../server/services/definition-catalogue.js';
import { publishFolder } from '../../server/services/publish-definitions.js';
import { seedCatalogue } from '../../server/services/seed-catalogue.js';
import { createServices } from '../../server/services/services.js';
import type { Store } from '../../server/store/store.js';
import { freshEmbedded, freshMongo, openLocation, type FreshLocation } from '../support/store-location.js';
import { cliHarness } from './cli-harness.js';

const FRAMEWORK = 'frameworks/default.json';
const dirs: string[] = [];

async function tempDir(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `zhili-${name}-`));
  dirs.push(dir);
  return dir;
}

/** Every definition file of `dir` (relative path → bytes as hex), as the registry would read them. */
async function definitionBytes(dir: string): Promise<Map<string, string>> {
  const files = await readDefinitionFiles(dir);
  return new Map(
    await Promise.all(
      files.map(async (f) => [f.file, (await readFile(f.absolutePath)).toString('hex')] as [string, string]),
    ),
  );
}

/** A copy of indicators/ whose default framework differs by one added line end, as a different seed. */
async function alteredSeed(): Promise<string> {
  const dir = await tempDir('seed');
  await cp(indicatorsDir, dir, { recursive: true });
  const file = path.join(dir, FRAMEWORK);
  await writeFile(file, `${await readFile(file, 'utf8')}\n`);
  return dir;
}

function roundTrip(name: string, fresh: FreshLocation): void {
  describe(`catalogue folder round trip: ${name}`, function () {
    this.timeout(120_000);
    let store: Store;
    before(async function () {
      store = await openLocation(await fresh(this));
    });
    after(async () => {
      await store.close();
    });

    it('imports indicators/ and exports it again byte for byte, with the schemas', async () => {
      await seedCatalogue(store, await alteredSeed());
      const services = createServices(store, await DefinitionCatalogue.open(store.catalogue));
      const version = await publishFolder(services, cliActor('tester'), {
        files: await readCatalogueFolder(indicatorsDir),
        reason: { zh: '导入仓库目录', en: 'repository folder imported' },
      });
      expect(version.version).to.equal(2);
      expect(version.origin).to.equal('folder');
      expect(version.changes.map((c) => [c.file, c.change])).to.deep.equal([[FRAMEWORK, 'changed']]);

      const out = await tempDir('export');
      const latest = await store.catalogue.latest();
      const schemas = await writeCatalogueFolder(latest?.files ?? [], out, indicatorsDir);
      expect(schemas).to.deep.equal([
        'dimension.schema.json',
        'framework.schema.json',
        'indicator.schema.json',
      ]);

      const original = await definitionBytes(indicatorsDir);
      const exported = await definitionBytes(out);
      expect([...exported.keys()]).to.deep.equal([...original.keys()]);
      expect(original.size).to.equal(100);
      for (const [file, bytes] of original) expect(exported.get(file), file).to.equal(bytes);
      const checked = await checkFolder(out);
      expect(checked.problems).to.deep.equal([]);
    });
  });
}

roundTrip('embedded', freshEmbedded);
roundTrip('mongo', freshMongo);

describe('indicators publish-folder and export-folder (the commands, embedded store)', function () {
  this.timeout(120_000);
  after(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('exports the seeded catalogue, publishes a changed folder, and exports any version', async () => {
    const cli = await cliHarness((program) => {
      registerIndicators(program);
    });
    try {
      const first = await tempDir('cli-v1');
      expect((await cli.run(['indicators', 'export-folder', '--out', first])).error).to.equal(undefined);
      expect(await definitionBytes(first)).to.deep.equal(await definitionBytes(indicatorsDir));

      const refused = await cli.run(['indicators', 'publish-folder', first, '--reason', 'same']);
      expect(refused.error?.message).to.include('nothing to publish');

      const changed = await alteredSeed();
      const published = await cli.run(['indicators', 'publish-folder', changed, '--reason', '换行']);
      expect(published.error).to.equal(undefined);

      const second = await tempDir('cli-v2');
      await cli.run(['indicators', 'export-folder', '--out', second]);
      expect(await definitionBytes(second)).to.deep.equal(await definitionBytes(changed));
      const again = await tempDir('cli-again');
      await rm(again, { recursive: true });
      await cli.run(['indicators', 'export-folder', '--out', again, '--version', '1']);
      expect(await definitionBytes(again)).to.deep.equal(await definitionBytes(indicatorsDir));

      const notEmpty = await cli.run(['indicators', 'export-folder', '--out', second]);
      expect(notEmpty.error?.message).to.include('not empty');
    } finally {
      await cli.dispose();
    }
  });
});
