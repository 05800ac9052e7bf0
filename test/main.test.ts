import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startZhili, startZhiliExpectingFailure } from './support/start-process.js';
import { mongoUriOrSkip } from './support/mongo-target.js';

interface Health {
  status: string;
  store: { kind: string; status: string };
}

describe('npm start', function () {
  this.timeout(60_000);

  it('serves /healthz with the embedded store by default', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'zhili-start-'));
    const zhili = await startZhili({ DATA_DIR: dataDir });
    try {
      const health = (await (await fetch(`${zhili.url}/healthz`)).json()) as Health;
      expect(health.store).to.deep.equal({ ...health.store, kind: 'embedded', status: 'ok' });
    } finally {
      await zhili.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('stops with exit code 2 and names the variable when PORT is invalid', async () => {
    const { code, output } = await startZhiliExpectingFailure({ PORT: 'not-a-port' });
    expect(code).to.equal(2);
    expect(output).to.include('PORT must be an integer');
  });

  describe('with MONGODB_URI', () => {
    let uri: string;
    before(function () {
      uri = mongoUriOrSkip(this);
    });

    it('reports mongo and ok on /healthz against a real MongoDB-wire server', async () => {
      const zhili = await startZhili({ MONGODB_URI: uri });
      try {
        const response = await fetch(`${zhili.url}/healthz`);
        expect(response.status).to.equal(200);
        const health = (await response.json()) as Health;
        expect(health.store.kind).to.equal('mongo');
        expect(health.store.status).to.equal('ok');
      } finally {
        await zhili.stop();
      }
    });
  });
});
