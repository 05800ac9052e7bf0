/**
 * Seeding the catalogue from the definitions folder at start: an empty store gets the folder as
 * version 1; a changed folder becomes the next version only while nothing was published in the app
 * since (otherwise it is left alone, with a message naming the command to import it); a folder with
 * problems fails with every problem listed.
 */
import { expect } from 'chai';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RegistryError } from '../../server/indicators/registry-error.js';
import { indicatorsDir } from '../../server/paths.js';
import { DefinitionCatalogue } from '../../server/services/definition-catalogue.js';
import { publishDefinitions } from '../../server/services/publish-definitions.js';
import { seedCatalogue } from '../../server/services/seed-catalogue.js';
import { createServices } from '../../server/services/services.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

const FRAMEWORK = 'frameworks/default.json';

describe('seedCatalogue', function () {
  this.timeout(60_000);
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let folder: string;

  async function setFrameworkVersion(version: string): Promise<string> {
    const file = path.join(folder, FRAMEWORK);
    const text = (await readFile(file, 'utf8')).replace(/"version": "[^"]+"/, `"version": "${version}"`);
    await writeFile(file, text);
    return text;
  }

  before(async () => {
    temp = await tempEmbeddedStore();
    folder = await mkdtemp(path.join(os.tmpdir(), 'zhili-seed-'));
    await cp(indicatorsDir, folder, { recursive: true });
  });
  after(async () => {
    await temp.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('fills an empty catalogue from the folder as version 1 (origin seed), audited', async () => {
    const outcome = await seedCatalogue(temp.store, folder);
    expect(outcome.kind).to.equal('created');
    const v1 = await temp.store.catalogue.latest();
    expect(v1?.version).to.equal(1);
    expect(v1?.origin).to.equal('seed');
    expect(v1?.reason).to.deep.equal({ zh: '种子目录', en: 'seed catalogue' });
    expect(v1?.files.length).to.equal(100);
    expect(v1?.changes.every((c) => c.change === 'added')).to.equal(true);
    expect(await temp.store.audit.list({ action: 'definitions.publish' })).to.have.length(1);
  });

  it('does nothing while the folder is unchanged', async () => {
    expect((await seedCatalogue(temp.store, folder)).kind).to.equal('unchanged');
    expect(await temp.store.catalogue.list()).to.have.length(1);
  });

  it('imports a changed folder as the next version when nothing was published since', async () => {
    await setFrameworkVersion('1.0.2');
    const outcome = await seedCatalogue(temp.store, folder);
    expect(outcome.kind).to.equal('updated');
    const v2 = await temp.store.catalogue.latest();
    expect(v2?.version).to.equal(2);
    expect(v2?.origin).to.equal('seed');
    expect(v2?.basedOn).to.equal(1);
    expect(v2?.reason).to.deep.include({ en: 'the seed folder (indicators/) changed' });
    expect(v2?.changes).to.deep.equal([
      { file: FRAMEWORK, change: 'changed', kind: 'framework', id: 'default', from: '1.0.1', to: '1.0.2' },
    ]);
  });

  it('leaves a changed folder alone once the app published since, and says how to import it', async () => {
    const catalogue = await DefinitionCatalogue.open(temp.store.catalogue);
    const text = await readFile(path.join(folder, FRAMEWORK), 'utf8');
    await publishDefinitions(
      createServices(temp.store, catalogue),
      { name: 'li', role: 'researcher', userId: null },
      {
        basedOn: 2,
        reason: '应用内发布',
        changes: [{ file: FRAMEWORK, text: text.replace('"version": "1.0.2"', '"version": "1.1.0"') }],
      },
    );
    await setFrameworkVersion('1.0.3');
    const outcome = await seedCatalogue(temp.store, folder);
    expect(outcome.kind).to.equal('kept');
    expect(outcome.kind === 'kept' ? outcome.message : '').to.include('indicators publish-folder');
    expect((await temp.store.catalogue.latest())?.version).to.equal(3);
    expect((await temp.store.catalogue.latest())?.origin).to.equal('app');
  });

  it('fails on a folder with problems, listing every one', async () => {
    await writeFile(path.join(folder, 'coverage/broken.json'), '{ "kind": "indicator", ');
    await writeFile(path.join(folder, 'autonomy/empty.json'), '{}');
    let caught: unknown;
    try {
      await seedCatalogue(temp.store, folder);
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(RegistryError);
    const files = new Set((caught as RegistryError).problems.map((p) => p.file));
    expect([...files]).to.include.members(['coverage/broken.json', 'autonomy/empty.json']);
    expect((await temp.store.catalogue.latest())?.version).to.equal(3);
  });
});
