/**
 * `evaluate --publish` runs the audited use cases: the draft it creates is audited as
 * evaluation.create and its publication as evaluation.publish, by the command line's actor, as the
 * same steps over the API are (before the use-case layer the command audited neither).
 */
import { expect } from 'chai';
import { registerEvaluate } from '../../scripts/commands/evaluate.js';
import { loadDemo } from '../../server/demo/load-demo.js';
import { appDeps } from '../support/app-deps.js';
import { openLocation } from '../support/store-location.js';
import { cliHarness } from './cli-harness.js';

describe('CLI: evaluate --publish is audited', function () {
  this.timeout(120_000);
  let cli: Awaited<ReturnType<typeof cliHarness>>;

  before(async () => {
    cli = await cliHarness((program) => {
      registerEvaluate(program);
    });
    const store = await openLocation({ kind: 'embedded', dataDir: cli.dataDir });
    try {
      await loadDemo(store, (await appDeps(store)).registry);
    } finally {
      await store.close();
    }
  });

  after(async () => {
    await cli.dispose();
  });

  it('writes evaluation.create and evaluation.publish for the evaluation it published', async () => {
    const run = await cli.run(['evaluate', 'default', '--period', '2024', '--publish', '--actor', 'cli:li']);
    expect(run.error).to.equal(undefined);
    const store = await openLocation({ kind: 'embedded', dataDir: cli.dataDir });
    try {
      const [published] = await store.evaluations.list({ status: 'published', limit: 1 });
      expect(published!.publishedBy).to.equal('cli:li');
      const events = (await store.audit.list({ target: published!.id })).reverse();
      expect(events.map((e) => [e.action, e.actor])).to.deep.equal([
        ['evaluation.create', 'cli:li'],
        ['evaluation.publish', 'cli:li'],
      ]);
    } finally {
      await store.close();
    }
  });
});
