import { expect } from 'chai';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../server/config.js';

describe('config', () => {
  it('defaults to the embedded store under ./data on port 3000', () => {
    const config = loadConfig({}, '/srv/zhili');
    expect(config.storeKind).to.equal('embedded');
    expect(config.dataDir).to.equal(path.resolve('/srv/zhili', 'data'));
    expect(config.port).to.equal(3000);
    expect(config.logLevel).to.equal('info');
  });

  it('chooses the mongo store when MONGODB_URI is set', () => {
    const config = loadConfig({ MONGODB_URI: 'mongodb://127.0.0.1:27017/zhili' });
    expect(config.storeKind).to.equal('mongo');
    expect(config.mongodbUri).to.equal('mongodb://127.0.0.1:27017/zhili');
  });

  it('names every invalid variable at once', () => {
    const attempt = (): unknown => loadConfig({ PORT: 'eighty', MONGODB_URI: 'http://x', LOG_LEVEL: 'loud' });
    expect(attempt).to.throw(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems).to.have.length(3);
      expect(problems.join('\n')).to.include('PORT').and.include('MONGODB_URI').and.include('LOG_LEVEL');
    }
  });

  it('rejects a port above 65535', () => {
    expect(() => loadConfig({ PORT: '70000' })).to.throw(/PORT must be an integer from 0 to 65535/);
  });

  it('loads the demo city into an empty store unless ZHILI_DEMO is off', () => {
    expect(loadConfig({}).demo).to.equal('auto');
    expect(loadConfig({ ZHILI_DEMO: 'off' }).demo).to.equal('off');
    expect(() => loadConfig({ ZHILI_DEMO: 'yes' })).to.throw(/ZHILI_DEMO must be "auto" or "off"/);
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).to.equal(true);
  });

  it('limits uploads to 32 MiB unless MAX_UPLOAD_MB says otherwise', () => {
    expect(loadConfig({}).maxUploadBytes).to.equal(32 * 1024 * 1024);
    expect(loadConfig({ MAX_UPLOAD_MB: '100' }).maxUploadBytes).to.equal(100 * 1024 * 1024);
    expect(() => loadConfig({ MAX_UPLOAD_MB: '0' })).to.throw(/MAX_UPLOAD_MB must be a whole number/);
    expect(() => loadConfig({ MAX_UPLOAD_MB: '1.5' })).to.throw(/found "1.5"/);
  });

  it('trusts no proxy unless TRUST_PROXY names one', () => {
    expect(loadConfig({}).trustProxy).to.equal(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).to.equal('loopback');
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).to.equal(1);
    expect(() => loadConfig({ TRUST_PROXY: 'a;b' })).to.throw(/TRUST_PROXY must be off/);
  });

  it('runs one evaluation job at a time unless ZHILI_MAX_JOBS says otherwise', () => {
    expect(loadConfig({}).maxJobs).to.equal(1);
    expect(loadConfig({ ZHILI_MAX_JOBS: '3' }).maxJobs).to.equal(3);
    expect(() => loadConfig({ ZHILI_MAX_JOBS: '0' })).to.throw(/ZHILI_MAX_JOBS must be a whole number/);
    expect(() => loadConfig({ ZHILI_MAX_JOBS: 'two' })).to.throw(/found "two"/);
  });

  it('makes report pages on a render thread per core but one unless ZHILI_RENDER_THREADS says otherwise', () => {
    expect(loadConfig({}).renderThreads).to.equal(Math.max(1, os.availableParallelism() - 1));
    expect(loadConfig({ ZHILI_RENDER_THREADS: '0' }).renderThreads).to.equal(0);
    expect(loadConfig({ ZHILI_RENDER_THREADS: '3' }).renderThreads).to.equal(3);
    expect(() => loadConfig({ ZHILI_RENDER_THREADS: '-1' })).to.throw(
      /ZHILI_RENDER_THREADS must be a whole number/,
    );
    expect(() => loadConfig({ ZHILI_RENDER_THREADS: '65' })).to.throw(/found "65"/);
  });
});
