/**
 * View models add fields with withFields, never as { ...model, more } (eslint.config.js; why in
 * server/reports/views/with-fields.ts): the fixture made with a spread gets exactly that error, the
 * one made with withFields (and a plain copy, { ...model }) lints clean.
 */
import { expect } from 'chai';
import { ESLint } from 'eslint';
import path from 'node:path';
import { projectRoot } from '../../server/paths.js';

const fixtures = path.join(projectRoot, 'test/fixtures/lint/server/reports/views');

describe('lint: view models without a spread followed by more fields', function () {
  this.timeout(120_000);
  const eslint = new ESLint({ cwd: projectRoot, ignore: false });

  it('refuses { ...chrome, heading } in a view model', async () => {
    const [result] = await eslint.lintFiles([path.join(fixtures, 'spread-model.ts')]);
    const fired = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax');
    expect(fired).to.have.length(1);
    expect(fired[0]?.message).to.include('withFields(model, { more })');
  });

  it('accepts withFields(chrome, { heading }) and a plain copy', async () => {
    const [result] = await eslint.lintFiles([path.join(fixtures, 'with-fields-model.ts')]);
    expect(result?.messages).to.deep.equal([]);
  });
});
