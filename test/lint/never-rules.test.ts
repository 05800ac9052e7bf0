/**
 * Each never-rule of DESIGN.md (house rules 5 and 13) fires: every fixture
 * test/fixtures/lint/server/<layer>/imports-<what>.ts makes one forbidden import and must get
 * exactly one no-restricted-imports error naming its layer; <layer>/pure.ts must lint clean.
 */
import { expect } from 'chai';
import { ESLint } from 'eslint';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../server/paths.js';

const fixtures = path.join(projectRoot, 'test/fixtures/lint/server');
const layers = readdirSync(fixtures);

describe('lint: never-rules between layers', function () {
  this.timeout(120_000);
  const eslint = new ESLint({ cwd: projectRoot, ignore: false });

  it('has fixtures for every layer the rules name', () => {
    expect(layers).to.include.members([
      'engine',
      'reports',
      'indicators',
      'intake',
      'store',
      'domain',
      'http',
    ]);
  });

  for (const layer of layers) {
    const files = readdirSync(path.join(fixtures, layer)).sort();
    for (const file of files.filter((name) => name.startsWith('imports-'))) {
      const what = file.slice('imports-'.length, -'.ts'.length);
      it(`refuses server/${layer} importing ${what}`, async () => {
        const [result] = await eslint.lintFiles([path.join(fixtures, layer, file)]);
        const fired = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports');
        expect(fired, file).to.have.length(1);
        expect(fired[0]?.severity).to.equal(2);
        expect(fired[0]?.message).to.include(`server/${layer}`);
      });
    }
    it(`accepts a module of server/${layer} that keeps the rules`, async () => {
      const [result] = await eslint.lintFiles([path.join(fixtures, layer, 'pure.ts')]);
      expect(result?.messages).to.deep.equal([]);
    });
  }
});
