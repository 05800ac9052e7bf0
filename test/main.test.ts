import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { bootstrapSecretIsValid } from '../server/access/bootstrap.js';
import { projectRoot } from '../server/paths.js';
import { StoreUnavailableError } from '../server/errors.js';
import { EmbeddedStore } from '../server/store/embedded/embedded-store.js';
import { startZhili, startZhiliExpectingFailure } from './support/start-process.js';
import { mongoUriOrSkip } from './support/mongo-target.js';

/** Runs `npm start` until it announces its URL, stops it, and returns everything it printed. */
async function outputUntilListening(env: Record<string, string>): Promise<string> {
  const child = spawn('npm', ['start', '--silent'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ZHILI_DEMO: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`npm start did not announce its URL within 20 s:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.includes('治理 Zhili: http')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`npm start exited early:\n${output}`));
    });
  });
  if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  await exited;
  return output;
}

/**
 * Opens the embedded store once the stopped server has let go of it: npm exits before the node
 * process under it has closed the store and released the DATA_DIR lock.
 */
async function openWhenReleased(dataDir: string): Promise<EmbeddedStore> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await EmbeddedStore.open(dataDir);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) || attempt >= 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

interface Health {
  status: string;
  store: { kind: string; status: string };
}

describe('npm start', function () {
  this.timeout(120_000);

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

  describe('first run', () => {
    let dataDir: string;
    beforeEach(async () => {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'zhili-first-run-'));
    });
    afterEach(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });

    it('prints a setup link whose token the store accepts, and the CLI alternative, on an empty store', async () => {
      const output = await outputUntilListening({ DATA_DIR: dataDir });
      // Piped, the link stands alone on its line, without a frame, under the bilingual heading.
      const match = /^(http:\/\/127\.0\.0\.1:\d+)\/setup\?token=([A-Za-z0-9_-]{43})$/m.exec(output);
      expect(match, output).not.to.equal(null);
      expect(output).to.include(
        '首次启动：请在浏览器中打开以下链接创建管理员\nFirst start: open this link to create the administrator\nhttp',
      );
      expect(output).to.include('npm run zhili -- users add admin --role admin');
      expect(output).not.to.match(/[┌│└]/);
      // The JSON log line stays, without the secret.
      expect(output).to.match(/^\{.*"no users yet: open the setup link printed on the console/m);
      const store = await openWhenReleased(dataDir);
      try {
        expect(await bootstrapSecretIsValid(store, match?.[2] ?? '')).to.equal(true);
        expect(await bootstrapSecretIsValid(store, 'a'.repeat(43))).to.equal(false);
        expect(await store.users.list()).to.deep.equal([]);
      } finally {
        await store.close();
      }
    });

    it('prints no setup link once the store has a user', async () => {
      const store = await EmbeddedStore.open(dataDir);
      await store.users.create({ login: 'li', displayName: '李', role: 'admin' });
      await store.close();
      const output = await outputUntilListening({ DATA_DIR: dataDir });
      expect(output).to.include('治理 Zhili: http');
      expect(output).not.to.include('setup?token=');
      expect(output).not.to.include('First start');
    });

    it('clears a unit scope left on a non-viewer at start-up, says so in the log and the audit log', async () => {
      const store = await EmbeddedStore.open(dataDir);
      await store.users.create({ login: 'li', displayName: '李', role: 'admin', unitScope: ['WY03'] });
      await store.users.create({ login: 'zhao', displayName: '赵', role: 'viewer', unitScope: ['WY03'] });
      await store.close();
      const output = await outputUntilListening({ DATA_DIR: dataDir });
      expect(output).to.include('unit scopes cleared: they apply to viewers only');
      const reopened = await openWhenReleased(dataDir);
      try {
        const users = await reopened.users.list();
        expect(users.map((u) => [u.login, u.unitScope])).to.deep.equal([
          ['li', null],
          ['zhao', ['WY03']],
        ]);
        const events = await reopened.audit.list({ action: 'user.update' });
        expect(events.map((e) => [e.actor, e.detail])).to.deep.equal([
          [
            'system',
            {
              login: 'li',
              unitScope: { from: ['WY03'], to: null },
              reason: 'unit scopes apply to viewers only',
            },
          ],
        ]);
      } finally {
        await reopened.close();
      }
    });
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
