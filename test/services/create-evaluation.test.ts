/**
 * The create-evaluation use case refuses at once, before any job or work: a role without
 * evaluations.run, and (as a job) a framework the registry does not have.
 */
import { expect } from 'chai';
import { ForbiddenError, NotFoundError, ValidationError } from '../../server/errors.js';
import { JobRunner } from '../../server/jobs/job-runner.js';
import type { Actor } from '../../server/services/actor.js';
import { createEvaluation, startEvaluation } from '../../server/services/create-evaluation.js';
import { createServices, type Services } from '../../server/services/services.js';
import { appDeps } from '../support/app-deps.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

describe('create an evaluation (use case)', () => {
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let services: Services;
  const evaluator: Actor = { name: 'zhao', role: 'evaluator', userId: 'usr_zhao' };

  before(async () => {
    temp = await tempEmbeddedStore();
    services = createServices(temp.store, (await appDeps(temp.store)).catalogue, new JobRunner());
  });
  after(async () => {
    await temp.dispose();
  });

  it('refuses a researcher, storing no evaluation and no audit event', async () => {
    const researcher: Actor = { name: 'qian', role: 'researcher', userId: null };
    const error = await createEvaluation(services, researcher, {
      framework: 'default',
      periods: ['2025'],
    }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ForbiddenError);
    expect(await temp.store.evaluations.list()).to.deep.equal([]);
    // The only events: seeding the definitions catalogue (appDeps), none by the refused actor.
    expect(await temp.store.audit.list({ actor: 'qian' })).to.deep.equal([]);
  });

  it('refuses an unknown framework before starting a job', () => {
    let error: unknown;
    try {
      startEvaluation(services, evaluator, { framework: 'no_such_framework', periods: ['2025'] });
    } catch (caught) {
      error = caught;
    }
    expect(error instanceof NotFoundError || error instanceof ValidationError).to.equal(true);
  });
});
