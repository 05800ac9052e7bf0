/**
 * Evaluation jobs over the API (issue 19, and issue 2's draft deletion): a cap on Monte Carlo runs
 * per evaluation, cancel for the job's owner and admins (a cancelled evaluation stores nothing),
 * one new version of an evaluation at a time, and deleting a draft (evaluators and admins,
 * audited; a published evaluation is refused).
 */
import { expect } from 'chai';
import type { AuditEvent } from '../../../server/store/models/audit-event.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { call, demoApi, settle, type ApiFixture, type Caller } from './api-fixture.js';

interface Problem {
  readonly code: string;
  readonly detail: string;
}
interface JobBody {
  readonly id: string;
  readonly status: string;
  readonly owner: string | null;
  readonly progress: { readonly step: string };
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly result: { readonly evaluation?: string } | null;
}

/** Monte Carlo settings that keep a job busy for seconds: 10,000 runs (the cap) over the demo city. */
const LONG_UNCERTAINTY = {
  replications: 10_000,
  seed: 7,
  weights: { method: 'uniform', range: 0.25 },
  normalisation: [{ method: 'minmax', range: [1, 100] }],
  aggregation: [{ method: 'arithmetic' }, { method: 'geometric' }],
};

describe('evaluation jobs over the API: runs cap, cancel, one version at a time, draft deletion', function () {
  this.timeout(180_000);
  let api: ApiFixture;
  let evaluator: SeededUser;
  let otherEvaluator: SeededUser;
  let researcher: SeededUser;

  const startEvaluation = (as: Caller, uncertainty?: unknown) =>
    call<JobBody & Problem>(`${api.url}/evaluations`, {
      method: 'POST',
      as,
      json: {
        framework: 'default',
        periods: ['2025'],
        ...(uncertainty === undefined ? {} : { uncertainty }),
      },
    });
  const job = (id: string, as: Caller) => call<JobBody>(`${api.url}/jobs/${id}`, { as });
  const cancel = (id: string, as: Caller) =>
    call<JobBody & Problem>(`${api.url}/jobs/${id}/cancel`, { method: 'POST', as });
  /** Polls the job (as its owner) until it is busy with its Monte Carlo runs. */
  const inMonteCarlo = async (id: string, as: Caller): Promise<void> => {
    for (;;) {
      const now = await job(id, as);
      if (now.body.progress.step === 'uncertainty analysis') return;
      if (now.body.status !== 'running' && now.body.status !== 'queued')
        expect.fail(`the job ended before its Monte Carlo runs: ${JSON.stringify(now.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const draftIds = async (): Promise<string[]> =>
    (await api.store.evaluations.list({ status: 'draft' })).map((e) => e.id);
  const audit = async (action: string): Promise<AuditEvent[]> => api.store.audit.list({ action });

  before(async () => {
    api = await demoApi();
    evaluator = await seedUser(api.store, 'evaluator');
    otherEvaluator = await seedUser(api.store, 'evaluator');
    researcher = await seedUser(api.store, 'researcher');
  });

  after(async () => {
    await api.close();
  });

  describe('the cap on Monte Carlo runs', () => {
    it('refuses more than 10,000 runs with a 400 that names the cap, before any job starts', async () => {
      const answer = await startEvaluation(evaluator, { ...LONG_UNCERTAINTY, replications: 10_001 });
      expect(answer.status).to.equal(400);
      expect(answer.body.code).to.equal('validation_failed');
      expect(answer.body.detail).to.include('at most 10,000 Monte Carlo runs');
      expect(answer.body.detail).to.include('10001 replications');
    });

    it('counts the runs of a sensitivity analysis: replications × (factors + 2)', async () => {
      const answer = await startEvaluation(evaluator, {
        ...LONG_UNCERTAINTY,
        replications: 2_100,
        sensitivity: true,
      });
      expect(answer.status).to.equal(400);
      expect(answer.body.detail).to.include('10500 runs (2100 replications × (3 factors + 2)');
    });

    it('refuses a new version asking for more runs than the cap', async () => {
      const answer = await call<Problem>(`${api.url}/evaluations/${api.demo.id}/versions`, {
        method: 'POST',
        as: evaluator,
        json: { reason: 'more runs', uncertainty: { ...LONG_UNCERTAINTY, replications: 50_000 } },
      });
      expect(answer.status).to.equal(400);
      expect(answer.body.detail).to.include('at most 10,000 Monte Carlo runs');
    });
  });

  describe('cancelling a job', () => {
    it('lets the owner cancel a running evaluation: it ends cancelled and leaves no draft', async () => {
      const before = await draftIds();
      const started = await startEvaluation(evaluator, LONG_UNCERTAINTY);
      expect(started.status).to.equal(202);
      expect(started.body.owner).to.equal(evaluator.user.id);
      await inMonteCarlo(started.body.id, evaluator);
      const answer = await cancel(started.body.id, evaluator);
      expect(answer.status).to.equal(202);
      const done = await settle(api.url, started.body.id, evaluator);
      expect(done.status).to.equal('cancelled');
      expect(done.error).to.deep.include({
        code: 'job_cancelled',
        message: `cancelled by ${evaluator.user.login}`,
      });
      expect(await draftIds()).to.deep.equal(before);
      const [event] = await audit('job.cancel');
      expect(event).to.deep.include({ actor: evaluator.user.login, target: started.body.id });
    });

    it('answers 404 to another evaluator, and the job goes on', async () => {
      const started = await startEvaluation(evaluator, LONG_UNCERTAINTY);
      expect((await cancel(started.body.id, otherEvaluator)).status).to.equal(404);
      expect((await job(started.body.id, evaluator)).body.status).to.be.oneOf(['queued', 'running']);
      expect((await cancel(started.body.id, evaluator)).status).to.equal(202);
      expect((await settle(api.url, started.body.id, evaluator)).status).to.equal('cancelled');
    });

    it('lets an admin cancel an evaluator’s job', async () => {
      const started = await startEvaluation(evaluator, LONG_UNCERTAINTY);
      await inMonteCarlo(started.body.id, evaluator);
      expect((await cancel(started.body.id, api.admin)).status).to.equal(202);
      const done = await settle(api.url, started.body.id, evaluator);
      expect(done.status).to.equal('cancelled');
      expect(done.error).to.deep.include({ message: `cancelled by ${api.admin.user.login}` });
    });

    it('queues a second evaluation behind a running one and cancels it before it starts', async () => {
      const running = await startEvaluation(evaluator, LONG_UNCERTAINTY);
      const queued = await startEvaluation(evaluator);
      expect(queued.body.status).to.equal('queued');
      const answer = await cancel(queued.body.id, evaluator);
      expect(answer.body.status).to.equal('cancelled');
      expect(answer.body.error?.message).to.equal(`cancelled by ${evaluator.user.login} before it started`);
      await cancel(running.body.id, evaluator);
      expect((await settle(api.url, running.body.id, evaluator)).status).to.equal('cancelled');
    });

    it('refuses to cancel a finished job with 409', async () => {
      const started = await startEvaluation(evaluator);
      const done = await settle(api.url, started.body.id, evaluator);
      expect(done.status).to.equal('succeeded');
      const answer = await cancel(started.body.id, evaluator);
      expect(answer.status).to.equal(409);
      expect(answer.body.detail).to.include('already succeeded');
      const draft = (done.result as { evaluation: string }).evaluation;
      expect(
        (await call(`${api.url}/evaluations/${draft}`, { method: 'DELETE', as: evaluator })).status,
      ).to.equal(200);
    });
  });

  describe('new versions', () => {
    it('answers two simultaneous new-version requests with one 202 and one 409', async () => {
      const ask = (reason: string) =>
        call<JobBody & Problem>(`${api.url}/evaluations/${api.demo.id}/versions`, {
          method: 'POST',
          as: evaluator,
          json: { reason, uncertainty: null },
        });
      const answers = await Promise.all([ask('first'), ask('second')]);
      expect(answers.map((a) => a.status).sort()).to.deep.equal([202, 409]);
      const accepted = answers.find((a) => a.status === 202)!;
      const refused = answers.find((a) => a.status === 409)!;
      expect(refused.body.detail).to.include(`already being made (job ${accepted.body.id})`);
      const done = await settle(api.url, accepted.body.id, evaluator);
      expect(done.status).to.equal('succeeded');
      const versions = (await api.store.evaluations.versions(api.demo.id)).filter(
        (e) => e.supersedes === api.demo.id,
      );
      expect(versions).to.have.length(1);
      expect(versions[0]?.results).to.not.equal(null);
    });
  });

  describe('deleting a draft', () => {
    let draft = '';

    before(async () => {
      draft = (await api.store.evaluations.versions(api.demo.id)).find(
        (e) => e.supersedes === api.demo.id,
      )!.id;
    });

    it('refuses a researcher (403) and keeps the draft', async () => {
      const answer = await call(`${api.url}/evaluations/${draft}`, { method: 'DELETE', as: researcher });
      expect(answer.status).to.equal(403);
      expect(await api.store.evaluations.get(draft)).to.not.equal(undefined);
    });

    it('refuses to delete a published evaluation with 409', async () => {
      const answer = await call<Problem>(`${api.url}/evaluations/${api.demo.id}`, {
        method: 'DELETE',
        as: evaluator,
      });
      expect(answer.status).to.equal(409);
      expect(answer.body.detail).to.include('published');
      expect((await api.store.evaluations.get(api.demo.id))?.status).to.equal('published');
    });

    it('deletes the open draft version for an evaluator, audits it, and frees the line for a new version', async () => {
      const answer = await call<{ id: string }>(`${api.url}/evaluations/${draft}`, {
        method: 'DELETE',
        as: evaluator,
      });
      expect(answer.status).to.equal(200);
      expect(answer.body.id).to.equal(draft);
      expect((await call(`${api.url}/evaluations/${draft}`, { as: evaluator })).status).to.equal(404);
      const [event] = await audit('evaluation.delete');
      expect(event).to.deep.include({ actor: evaluator.user.login, target: draft });
      expect(event?.detail).to.deep.include({ supersedes: api.demo.id, version: 2 });
      const again = await call<JobBody>(`${api.url}/evaluations/${api.demo.id}/versions`, {
        method: 'POST',
        as: evaluator,
        json: { reason: 'after deleting the draft', uncertainty: null },
      });
      expect(again.status).to.equal(202);
      expect((await settle(api.url, again.body.id, evaluator)).status).to.equal('succeeded');
    });
  });
});
