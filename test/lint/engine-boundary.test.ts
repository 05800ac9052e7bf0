import { expect } from 'chai';
import { ESLint } from 'eslint';
import path from 'node:path';
import { projectRoot } from '../../server/paths.js';

describe('lint: engine boundary', function () {
  this.timeout(60_000);

  it('reports an express import inside server/engine as an error', async () => {
    const eslint = new ESLint({ cwd: projectRoot, ignore: false });
    const fixture = path.join(projectRoot, 'test/fixtures/lint/server/engine/imports-express.ts');
    const [result] = await eslint.lintFiles([fixture]);
    const messages = result?.messages ?? [];
    const boundary = messages.filter((m) => m.ruleId === 'no-restricted-imports');
    expect(boundary).to.have.length(1);
    expect(boundary[0]?.severity).to.equal(2);
    expect(boundary[0]?.message).to.include('server/engine is pure');
  });

  it('accepts a pure module inside server/engine', async () => {
    const eslint = new ESLint({ cwd: projectRoot, ignore: false });
    const results = await eslint.lintFiles([
      path.join(projectRoot, 'test/fixtures/lint/server/engine/pure.ts'),
    ]);
    expect(results).to.have.length(1);
    expect(results[0]?.messages).to.deep.equal([]);
  });
});
