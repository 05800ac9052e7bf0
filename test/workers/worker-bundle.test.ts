import { expect } from 'chai';
import { startBundledWorkers, workerBundle } from '../../server/workers/worker-bundle.js';

const entry = new URL('../../server/workers/replication-worker.ts', import.meta.url);

describe('workers: one bundle per worker entry', function () {
  this.timeout(60_000);

  it('makes one script of the worker and every module it imports, once per process', async () => {
    const code = await workerBundle(entry);
    expect(code).to.be.a('string');
    // Every project module is inlined: only Node's own modules are still required.
    const required = [...(code ?? '').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(required.filter((name) => !name?.startsWith('node:'))).to.deep.equal([]);
    expect(code).to.include('ReplicationRunner = class');
    expect(await workerBundle(entry)).to.equal(code);
  });

  it('starts no worker, and makes no bundle, for a count of 0', async () => {
    expect(await startBundledWorkers(new URL('./no-such-worker.ts', import.meta.url), 0)).to.deep.equal([]);
  });
});
