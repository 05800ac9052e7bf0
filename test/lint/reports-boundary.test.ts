import { expect } from 'chai';
import { ESLint } from 'eslint';
import path from 'node:path';
import { projectRoot } from '../../server/paths.js';

describe('lint: reports boundary', function () {
  this.timeout(60_000);

  it('reports a store import inside server/reports as an error', async () => {
    const eslint = new ESLint({ cwd: projectRoot, ignore: false });
    const fixture = path.join(projectRoot, 'test/fixtures/lint/server/reports/imports-store.ts');
    const [result] = await eslint.lintFiles([fixture]);
    const boundary = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports');
    expect(boundary).to.have.length(1);
    expect(boundary[0]?.severity).to.equal(2);
    expect(boundary[0]?.message).to.include('server/reports is pure');
  });

  it('accepts a view model that imports only domain types', async () => {
    const eslint = new ESLint({ cwd: projectRoot, ignore: false });
    const results = await eslint.lintFiles([
      path.join(projectRoot, 'test/fixtures/lint/server/reports/pure.ts'),
    ]);
    expect(results).to.have.length(1);
    expect(results[0]?.messages).to.deep.equal([]);
  });
});
