import { expect } from 'chai';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { StoreUnavailableError } from '../../server/errors.js';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { freshEmbedded, removeEmbeddedDirs } from '../support/store-location.js';
import { storeContract } from '../contract/store-contract.js';

after(removeEmbeddedDirs);

storeContract('embedded', freshEmbedded);

async function freshDir(context: Mocha.Context): Promise<string> {
  const location = await freshEmbedded(context);
  if (location.kind !== 'embedded') throw new Error('expected an embedded location');
  return location.dataDir;
}

const start = {
  kind: 'observations',
  actor: 't',
  fileName: 'a.csv',
  sha256: 'e'.repeat(64),
  period: '2025',
  periods: ['2025'],
};

describe('EmbeddedStore', () => {
  it('refuses a second open of a directory another live process holds, naming it', async function () {
    const dir = await freshDir(this);
    const first = await EmbeddedStore.open(dir);
    let caught: unknown;
    try {
      await EmbeddedStore.open(dir);
    } catch (error) {
      caught = error;
    } finally {
      await first.close();
    }
    expect(caught).to.be.instanceOf(StoreUnavailableError);
    expect((caught as Error).message).to.include(
      `the embedded store in ${dir} is open in process ${process.pid}`,
    );
  });

  it('takes over a lock left by a process that no longer exists', async function () {
    const dir = await freshDir(this);
    const dead = { pid: 2 ** 22 + 12345, host: os.hostname(), since: '2020-01-01T00:00:00.000Z' };
    await writeFile(path.join(dir, 'zhili.lock'), JSON.stringify(dead));
    const store = await EmbeddedStore.open(dir);
    const lock = JSON.parse(await readFile(path.join(dir, 'zhili.lock'), 'utf8')) as { pid: number };
    await store.close();
    expect(lock.pid).to.equal(process.pid);
  });

  it('fails a batch left pending by a previous run when it reopens', async function () {
    const dir = await freshDir(this);
    const first = await EmbeddedStore.open(dir);
    const batch = await first.imports.begin(start);
    await first.imports.appendObservations(batch.id, [{ unit: 'A', period: '2025', values: { x: 1 } }]);
    await first.close();
    const second = await EmbeddedStore.open(dir);
    try {
      const after = await second.imports.get(batch.id);
      expect(after?.status).to.equal('failed');
      expect(after?.failure).to.match(/^interrupted/);
      expect(await second.imports.storedRowCount(batch.id)).to.equal(0);
    } finally {
      await second.close();
    }
  });

  it('opens after a torn last line (a process killed mid-write) and keeps the complete lines', async function () {
    const dir = await freshDir(this);
    const first = await EmbeddedStore.open(dir);
    await first.putSetting('kept', 1);
    await first.close();
    await appendFile(path.join(dir, 'settings.db'), '{"_id":"torn","json":"1');
    const second = await EmbeddedStore.open(dir);
    try {
      expect(await second.getSetting('kept')).to.equal(1);
      expect(await second.getSetting('torn')).to.equal(undefined);
    } finally {
      await second.close();
    }
  });
});
