/**
 * Jobs outlive the server: an evaluation busy with its Monte Carlo runs when the server is killed
 * (SIGKILL, no shutdown) reads, once the server is started again on the same data, as failed with
 * the error code "interrupted" to its owner, over GET /api/v1/jobs/:id and in GET /api/v1/jobs,
 * and as 404 to another evaluator; the run left no draft behind.
 */
import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadDemo } from '../../server/demo/load-demo.js';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { call } from '../http/api/api-fixture.js';
import { appDeps } from '../support/app-deps.js';
import { seedUser, type SeededUser } from '../support/auth.js';
import { startZhili, type StartedProcess } from '../support/start-process.js';

interface JobBody {
  readonly id: string;
  readonly status: string;
  readonly progress: { readonly step: string };
  readonly finishedAt: string | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

/** 10,000 Monte Carlo runs (the cap) over the demo city: seconds of work, one job at a time. */
const LONG_RUN = {
  framework: 'default',
  periods: ['2025'],
  uncertainty: {
    replications: 10_000,
    seed: 7,
    weights: { method: 'uniform', range: 0.25 },
    normalisation: [{ method: 'minmax', range: [1, 100] }],
    aggregation: [{ method: 'arithmetic' }, { method: 'geometric' }],
  },
};

describe('jobs: a server killed while a job runs', function () {
  this.timeout(120_000);
  let dataDir = '';
  let owner: SeededUser;
  let other: SeededUser;
  let server: StartedProcess | undefined;
  let jobId = '';

  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'zhili-job-restart-'));
    const store = await EmbeddedStore.open(dataDir);
    try {
      await loadDemo(store, (await appDeps(store)).registry);
      owner = await seedUser(store, 'evaluator');
      other = await seedUser(store, 'evaluator');
    } finally {
      await store.close();
    }
    const env = { DATA_DIR: dataDir, ZHILI_DEMO: 'off' };
    const first = await startZhili(env);
    server = first;
    const started = await call<JobBody>(`${first.url}/api/v1/evaluations`, {
      method: 'POST',
      as: owner,
      json: LONG_RUN,
    });
    expect(started.status).to.equal(202);
    jobId = started.body.id;
    for (;;) {
      const now = await call<JobBody>(`${first.url}/api/v1/jobs/${jobId}`, { as: owner });
      if (now.body.progress.step === 'uncertainty analysis') break;
      if (now.body.finishedAt !== null)
        expect.fail(`the job ended before it was killed: ${JSON.stringify(now.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await first.kill();
    server = await startZhili(env);
  });

  after(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reads the job as failed, interrupted, to its owner', async () => {
    const answer = await call<JobBody>(`${server!.url}/api/v1/jobs/${jobId}`, { as: owner });
    expect(answer.status).to.equal(200);
    expect(answer.body.status).to.equal('failed');
    expect(answer.body.error?.code).to.equal('interrupted');
    expect(answer.body.error?.message).to.include('nothing was stored');
    expect(answer.body.finishedAt).to.be.a('string');
  });

  it('lists it, failed, among the owner’s jobs', async () => {
    const answer = await call<{ items: JobBody[] }>(`${server!.url}/api/v1/jobs`, { as: owner });
    expect(answer.body.items.map((j) => [j.id, j.status])).to.deep.equal([[jobId, 'failed']]);
  });

  it('answers 404 to another evaluator', async () => {
    expect((await call(`${server!.url}/api/v1/jobs/${jobId}`, { as: other })).status).to.equal(404);
  });

  it('left no draft behind', async () => {
    const drafts = await call<{ items: unknown[] }>(`${server!.url}/api/v1/evaluations?status=draft`, {
      as: owner,
    });
    expect(drafts.status).to.equal(200);
    expect(drafts.body.items).to.deep.equal([]);
  });
});
