/**
 * The job runner's queue and cancel: kinds with a limit run that many jobs at once, in the order
 * they came; the owner or an admin may cancel a job, anyone else is told it does not exist.
 * Jobs here are real promises that the test releases, so the order is observed, not timed.
 */
import { expect } from 'chai';
import { ConflictError, NotFoundError } from '../../server/errors.js';
import { JobRunner, type Job, type JobWork } from '../../server/jobs/job-runner.js';
import type { Role } from '../../server/store/models/user.js';

function caller(id: string, role: Role): { user: { id: string; login: string; role: Role } } {
  return { user: { id, login: `login-${id}`, role } };
}

const owner = caller('usr_owner', 'evaluator');
const otherEvaluator = caller('usr_other', 'evaluator');
const admin = caller('usr_admin', 'admin');

/** A job's work that waits until the test releases it, and records when it started. */
function gate(name: string, started: string[]): { work: JobWork; release: () => void } {
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    work: async () => {
      started.push(name);
      await released;
      return name;
    },
    release: () => {
      release();
    },
  };
}

/** Work that runs until its signal is aborted, then throws the signal's reason (as runEvaluation does). */
const untilCancelled: JobWork = (progress, signal) =>
  new Promise((_resolve, reject) => {
    progress(1, 3, 'uncertainty analysis');
    signal.addEventListener('abort', () => {
      reject(signal.reason as Error);
    });
  });

async function until(runner: JobRunner, id: string, status: Job['status']): Promise<void> {
  while (runner.get(id)?.status !== status) await new Promise((resolve) => setImmediate(resolve));
}

describe('jobs: the job runner', () => {
  describe('a queue with a limit', () => {
    it('runs three evaluations one at a time in the order they came, with limit 1', async () => {
      const runner = new JobRunner({ limits: { evaluation: 1 } });
      const started: string[] = [];
      const [a, b, c] = ['a', 'b', 'c'].map((name) => gate(name, started));
      const jobs = [a!, b!, c!].map((g) => runner.start('evaluation', g.work, { owner: owner.user.id }));
      expect(jobs.map((j) => j.status)).to.deep.equal(['running', 'queued', 'queued']);
      await until(runner, jobs[0]!.id, 'running');
      await new Promise((resolve) => setImmediate(resolve));
      expect(started).to.deep.equal(['a']);
      a!.release();
      await until(runner, jobs[1]!.id, 'running');
      expect(runner.get(jobs[0]!.id)?.status).to.equal('succeeded');
      expect(runner.get(jobs[2]!.id)?.status).to.equal('queued');
      b!.release();
      await until(runner, jobs[2]!.id, 'running');
      c!.release();
      expect((await runner.settled(jobs[2]!.id)).result).to.equal('c');
      expect(started).to.deep.equal(['a', 'b', 'c']);
    });

    it('does not hold back kinds without a limit (imports)', () => {
      const runner = new JobRunner({ limits: { evaluation: 1 } });
      const started: string[] = [];
      const gates = ['x', 'y'].map((name) => gate(name, started));
      const jobs = gates.map((g) => runner.start('import-units', g.work));
      expect(jobs.map((j) => j.status)).to.deep.equal(['running', 'running']);
      for (const g of gates) g.release();
    });

    it('runs two at once with limit 2 and queues the third', () => {
      const runner = new JobRunner({ limits: { evaluation: 2 } });
      const gates = ['a', 'b', 'c'].map((name) => gate(name, []));
      const jobs = gates.map((g) => runner.start('evaluation', g.work));
      expect(jobs.map((j) => j.status)).to.deep.equal(['running', 'running', 'queued']);
      for (const g of gates) g.release();
    });

    it('records who started a job', () => {
      const runner = new JobRunner();
      const job = runner.start('evaluation', gate('a', []).work, { owner: owner.user.id });
      expect(job.owner).to.equal(owner.user.id);
      expect(runner.start('evaluation', gate('b', []).work).owner).to.equal(null);
    });
  });

  describe('cancel', () => {
    it('lets the owner cancel a running job, which ends cancelled naming who cancelled it', async () => {
      const runner = new JobRunner({ limits: { evaluation: 1 } });
      const job = runner.start('evaluation', untilCancelled, { owner: owner.user.id, cancellable: true });
      await until(runner, job.id, 'running');
      runner.cancel(job.id, owner);
      const done = await runner.settled(job.id);
      expect(done.status).to.equal('cancelled');
      expect(done.error?.code).to.equal('job_cancelled');
      expect(done.error?.message).to.equal('cancelled by login-usr_owner');
      expect(done.finishedAt).to.be.a('string');
    });

    it('lets an admin cancel another user’s job', async () => {
      const runner = new JobRunner();
      const job = runner.start('evaluation', untilCancelled, { owner: owner.user.id, cancellable: true });
      runner.cancel(job.id, admin);
      expect((await runner.settled(job.id)).status).to.equal('cancelled');
    });

    it('answers NotFoundError to another evaluator and leaves the job running', async () => {
      const runner = new JobRunner();
      const job = runner.start('evaluation', untilCancelled, { owner: owner.user.id, cancellable: true });
      expect(() => runner.cancel(job.id, otherEvaluator)).to.throw(NotFoundError);
      await new Promise((resolve) => setImmediate(resolve));
      expect(runner.get(job.id)?.status).to.equal('running');
      runner.cancel(job.id, owner);
      await runner.settled(job.id);
    });

    it('ends a queued job at once, never runs it, and starts the next one in line', async () => {
      const runner = new JobRunner({ limits: { evaluation: 1 } });
      const started: string[] = [];
      const [a, b, c] = ['a', 'b', 'c'].map((name) => gate(name, started));
      const options = { owner: owner.user.id, cancellable: true };
      const jobs = [a!, b!, c!].map((g) => runner.start('evaluation', g.work, options));
      const cancelled = runner.cancel(jobs[1]!.id, owner);
      expect(cancelled.status).to.equal('cancelled');
      expect(cancelled.error?.message).to.equal('cancelled by login-usr_owner before it started');
      a!.release();
      await until(runner, jobs[2]!.id, 'running');
      c!.release();
      await runner.settled(jobs[2]!.id);
      expect(started).to.deep.equal(['a', 'c']);
    });

    it('refuses to cancel a finished job, and a job whose work cannot stop (an import)', async () => {
      const runner = new JobRunner();
      const g = gate('a', []);
      const job = runner.start('evaluation', g.work, { owner: owner.user.id, cancellable: true });
      g.release();
      await runner.settled(job.id);
      expect(() => runner.cancel(job.id, owner)).to.throw(ConflictError, /already succeeded/);
      const importing = gate('i', []);
      const imported = runner.start('import-units', importing.work, { owner: owner.user.id });
      expect(() => runner.cancel(imported.id, owner)).to.throw(ConflictError, /cannot be cancelled/);
      importing.release();
    });
  });

  describe('exclusive keys', () => {
    it('refuses a second unfinished job with the same key and frees the key when the first ends', async () => {
      const runner = new JobRunner();
      const first = gate('a', []);
      const exclusive = {
        key: 'version-of:ev_a',
        conflict: (holder: Job) => new ConflictError(`held by ${holder.id}`),
      };
      const job = runner.start('evaluation', first.work, { exclusive });
      expect(() => runner.start('evaluation', gate('b', []).work, { exclusive })).to.throw(
        ConflictError,
        `held by ${job.id}`,
      );
      first.release();
      await runner.settled(job.id);
      const again = gate('c', []);
      const next = runner.start('evaluation', again.work, { exclusive });
      again.release();
      expect((await runner.settled(next.id)).status).to.equal('succeeded');
    });
  });
});
