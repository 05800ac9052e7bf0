import { expect } from 'chai';
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
});
