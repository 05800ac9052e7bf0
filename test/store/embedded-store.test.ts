import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { storeContract } from '../contract/store-contract.js';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-embedded-'));
  dirs.push(dir);
  return dir;
}

after(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

storeContract('embedded', async () => EmbeddedStore.open(await freshDir()));

describe('EmbeddedStore', () => {
  it('keeps settings across a close and a reopen of the same directory', async () => {
    const dir = await freshDir();
    const first = await EmbeddedStore.open(dir);
    await first.putSetting('persisted', { n: 7 });
    await first.close();
    const second = await EmbeddedStore.open(dir);
    expect(await second.getSetting('persisted')).to.deep.equal({ n: 7 });
    await second.close();
  });
});
