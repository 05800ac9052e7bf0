/**
 * The job runner's journal on a real embedded store: every job is recorded when it starts and
 * when it ends, progress at most once a second without holding up the work, a heartbeat while it
 * runs; a failing store never fails a job. After a "restart" (a new runner on the same store) the
 * job board still reads the job for its owner only, and a job no live process runs reads, and
 * ends at start, as failed, interrupted.
 */
import { expect } from 'chai';
import os from 'node:os';
import { ConflictError, NotFoundError } from '../../server/errors.js';
import { tidyJobsAtStart } from '../../server/jobs/interrupted-jobs.js';
import { JobRunner, type JobWork } from '../../server/jobs/job-runner.js';
import type { Actor } from '../../server/services/actor.js';
import { JobBoard } from '../../server/services/job-board.js';
import type { StoredJob } from '../../server/store/models/job.js';
import type { JobStore } from '../../server/store/store.js';
import type { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

const zhao: Actor = { name: 'zhao', role: 'evaluator', userId: 'usr_zhao' };
const qian: Actor = { name: 'qian', role: 'evaluator', userId: 'usr_qian' };
const admin: Actor = { name: 'root', role: 'admin', userId: 'usr_root' };

/** Work that waits until the test releases it. */
function gate(): { work: JobWork; release: () => void } {
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    work: async () => {
      await released;
      return { done: true };
    },
    release: () => {
      release();
    },
  };
}

/** A job of another process, as the store would hold it. */
function foreign(id: string, change: Partial<StoredJob>): StoredJob {
  return {
    id,
    kind: 'evaluation',
    owner: 'usr_zhao',
    status: 'running',
    progress: { done: 2, total: 5, step: 'score' },
    startedAt: new Date(Date.now() - 300_000).toISOString(),
    finishedAt: null,
    result: null,
    error: null,
    instance: { id: 'other-runner', host: 'another-host', pid: 1 },
    heartbeatAt: new Date().toISOString(),
    ...change,
  };
}

const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();

describe('jobs: the runner’s journal in the store', () => {
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ store, dispose } = await tempEmbeddedStore());
  });

  afterEach(async () => {
    await dispose();
  });

  it('records a job when it starts and its outcome when it ends', async () => {
    const runner = new JobRunner({ journal: store.jobs });
    const g = gate();
    const job = runner.start('evaluation', g.work, { owner: 'usr_zhao' });
    await runner.flushed();
    const started = await store.jobs.get(job.id);
    expect(started).to.deep.include({ kind: 'evaluation', owner: 'usr_zhao', finishedAt: null });
    expect(['queued', 'running']).to.include(started?.status);
    expect(started?.instance).to.deep.equal({
      id: runner.instance.id,
      host: os.hostname(),
      pid: process.pid,
    });
    g.release();
    await runner.settled(job.id);
    await runner.flushed();
    const ended = await store.jobs.get(job.id);
    expect(ended).to.deep.include({ status: 'succeeded', result: { done: true } });
    expect(ended?.finishedAt).to.be.a('string');
  });

  it('writes a thousand progress reports in a row as one write of the last, without awaiting it', async () => {
    let touches = 0;
    const counting: JobStore = Object.assign(Object.create(store.jobs) as JobStore, {
      touch: (id: string, change: Parameters<JobStore['touch']>[1]) => {
        touches += 1;
        return store.jobs.touch(id, change);
      },
    });
    const runner = new JobRunner({ journal: counting, progressEveryMs: 60_000 });
    const g = gate();
    const job = runner.start('evaluation', (progress, signal) => {
      for (let done = 1; done <= 1000; done++) progress(done, 1000, 'score');
      return g.work(progress, signal);
    });
    while (runner.get(job.id)?.progress.done !== 1000) await new Promise((resolve) => setImmediate(resolve));
    // The first write waits for a timer of 0 ms, which may come after the loop above: wait for it.
    while (touches === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    await runner.flushed();
    expect(touches).to.equal(1);
    expect((await store.jobs.get(job.id))?.progress).to.deep.equal({
      done: 1000,
      total: 1000,
      step: 'score',
    });
    g.release();
    await runner.settled(job.id);
  });

  it('keeps a heartbeat going while a job runs', async () => {
    const runner = new JobRunner({ journal: store.jobs, heartbeatEveryMs: 20 });
    const g = gate();
    const job = runner.start('evaluation', g.work);
    await runner.flushed();
    const first = (await store.jobs.get(job.id))?.heartbeatAt ?? '';
    while (((await store.jobs.get(job.id))?.heartbeatAt ?? '') <= first)
      await new Promise((resolve) => setTimeout(resolve, 5));
    g.release();
    await runner.settled(job.id);
  });

  it('finishes a job whose journal fails, and reports each failed write', async () => {
    const failures: string[] = [];
    const broken: JobStore = Object.assign(Object.create(store.jobs) as JobStore, {
      save: () => Promise.reject(new Error('disk full')),
      touch: () => Promise.reject(new Error('disk full')),
    });
    const runner = new JobRunner({
      journal: broken,
      onJournalError: (error, job) => failures.push(`${job.id}: ${(error as Error).message}`),
    });
    const job = runner.start('evaluation', (progress) => {
      progress(1, 2, 'score');
      return Promise.resolve(7);
    });
    expect((await runner.settled(job.id)).result).to.equal(7);
    await runner.flushed();
    expect(failures.length).to.be.at.least(2);
    expect(failures.every((f) => f === `${job.id}: disk full`)).to.equal(true);
  });

  describe('after a restart', () => {
    it('reads a finished job to its owner and to an admin, and 404 to anyone else', async () => {
      const before = new JobBoard(new JobRunner({ journal: store.jobs }));
      const job = before.start(zhao, 'import-units', () => Promise.resolve({ batch: 'imp_1' }));
      await before.runner.settled(job.id);
      await before.runner.flushed();
      const after = new JobBoard(new JobRunner({ journal: store.jobs }));
      expect(await after.read(zhao, job.id)).to.deep.include({
        status: 'succeeded',
        result: { batch: 'imp_1' },
      });
      expect((await after.read(admin, job.id)).id).to.equal(job.id);
      const refused = await after.read(qian, job.id).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).to.be.instanceOf(NotFoundError);
      const cancelled = await after.cancel(zhao, job.id).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(cancelled).to.be.instanceOf(ConflictError);
    });

    it('reads a job whose process fell silent over a minute ago as failed, interrupted', async () => {
      await store.jobs.save(foreign('job-silent', { heartbeatAt: minutesAgo(2) }));
      const board = new JobBoard(new JobRunner({ journal: store.jobs }));
      const job = await board.read(zhao, 'job-silent');
      expect(job.status).to.equal('failed');
      expect(job.error?.code).to.equal('interrupted');
      expect(job.error?.message).to.match(/^服务器重启时任务中断.*start it again$/);
      expect(job.finishedAt).to.be.a('string');
      expect((await board.list(zhao, { limit: 10, offset: 0 }))[0]?.status).to.equal('failed');
    });

    it('reads a job of this host whose process is gone as interrupted at once', async () => {
      const gone = 2 ** 22 + 12_345; // above Linux's largest pid (pid_max is at most 2^22)
      const instance = { id: 'dead-runner', host: os.hostname(), pid: gone };
      await store.jobs.save(foreign('job-dead', { instance }));
      const board = new JobBoard(new JobRunner({ journal: store.jobs }));
      expect((await board.read(zhao, 'job-dead')).error?.code).to.equal('interrupted');
    });

    it('reads a job that another live process runs as it stands', async () => {
      await store.jobs.save(foreign('job-elsewhere', { heartbeatAt: minutesAgo(0.2) }));
      const board = new JobBoard(new JobRunner({ journal: store.jobs }));
      expect(await board.read(zhao, 'job-elsewhere')).to.deep.include({ status: 'running', error: null });
    });
  });

  describe('tidying at start', () => {
    it('fails every unfinished job when the store has one process (embedded)', async () => {
      await store.jobs.save(foreign('job-a', { heartbeatAt: new Date().toISOString() }));
      await store.jobs.save(foreign('job-b', { status: 'queued' }));
      const tidied = await tidyJobsAtStart(store.jobs, true);
      expect([...tidied.interrupted].sort()).to.deep.equal(['job-a', 'job-b']);
      expect((await store.jobs.get('job-a'))?.error?.code).to.equal('interrupted');
      expect(await store.jobs.unfinished()).to.deep.equal([]);
    });

    it('fails only silent jobs on a shared store, and leaves a live process’s job running', async () => {
      await store.jobs.save(foreign('job-live', { heartbeatAt: minutesAgo(0.5) }));
      await store.jobs.save(foreign('job-stale', { heartbeatAt: minutesAgo(1.5) }));
      const tidied = await tidyJobsAtStart(store.jobs, false);
      expect(tidied.interrupted).to.deep.equal(['job-stale']);
      expect((await store.jobs.get('job-live'))?.status).to.equal('running');
    });

    it('purges jobs that finished over 30 days ago and keeps younger ones', async () => {
      const finished = (id: string, daysAgo: number): StoredJob =>
        foreign(id, { status: 'succeeded', finishedAt: minutesAgo(daysAgo * 24 * 60) });
      await store.jobs.save(finished('job-31-days', 31));
      await store.jobs.save(finished('job-29-days', 29));
      expect((await tidyJobsAtStart(store.jobs, true)).purged).to.equal(1);
      expect(await store.jobs.get('job-31-days')).to.equal(undefined);
      expect(await store.jobs.get('job-29-days')).not.to.equal(undefined);
    });
  });
});
