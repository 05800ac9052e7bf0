/**
 * Loading the demo city is a use case like any other: it needs users.manage (an evaluator may not
 * write a whole city into the store) and leaves one demo.load audit event naming the evaluation it
 * published, whether the console's `demo` command or a first start ran it.
 */
import { expect } from 'chai';
import { ForbiddenError } from '../../server/errors.js';
import { cliActor, type Actor } from '../../server/services/actor.js';
import { loadDemoCity } from '../../server/services/load-demo-city.js';
import { appDeps } from '../support/app-deps.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

describe('load the demo city (use case)', function () {
  this.timeout(120_000);
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;

  beforeEach(async () => {
    temp = await tempEmbeddedStore();
  });
  afterEach(async () => {
    await temp.dispose();
  });

  it('refuses an evaluator and writes nothing', async () => {
    const { registry } = await appDeps(temp.store);
    const evaluator: Actor = { name: 'wang', role: 'evaluator', userId: null };
    const error = await loadDemoCity({ store: temp.store, registry }, evaluator).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ForbiddenError);
    expect(await temp.store.units.list({ limit: 1 })).to.deep.equal([]);
    // The only events: seeding the definitions catalogue (appDeps), none by the refused actor.
    expect(await temp.store.audit.list({ actor: 'wang' })).to.deep.equal([]);
  });

  it('publishes the demo evaluation and audits demo.load for the console', async () => {
    const { registry } = await appDeps(temp.store);
    const actor = cliActor('cli:tester');
    const evaluation = await loadDemoCity({ store: temp.store, registry }, actor);
    expect(evaluation.status).to.equal('published');
    const events = await temp.store.audit.list({ action: 'demo.load' });
    expect(events.map((e) => [e.actor, e.target])).to.deep.equal([['cli:tester', evaluation.id]]);
  });
});
