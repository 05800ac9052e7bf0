/**
 * Store contract, jobs: the record the job runner keeps so that a job can be read after a restart
 * (server/domain/job.ts). Saved whole, touched with progress and heartbeats while unfinished,
 * listed newest first per owner, failed when interrupted (only while unfinished) and purged by age.
 */
import { expect } from 'chai';
import type { JobError, StoredJob } from '../../server/store/models/job.js';
import { openLocation, type FreshLocation } from '../support/store-location.js';
import { pathsOf, rejection, storePerSuite } from './contract-helpers.js';

const instance = { id: 'runner-1', host: 'host-a', pid: 4242 };

function job(id: string, change: Partial<StoredJob> = {}): StoredJob {
  return {
    id,
    kind: 'evaluation',
    owner: 'usr_zhao',
    status: 'running',
    progress: { done: 0, total: 1, step: 'queued' },
    startedAt: '2025-03-01T08:00:00.000Z',
    finishedAt: null,
    result: null,
    error: null,
    instance,
    heartbeatAt: '2025-03-01T08:00:00.000Z',
    ...change,
  };
}

const interrupted: JobError = { code: 'interrupted', status: 503, message: 'restart', details: [] };

export function jobsContract(fresh: FreshLocation): void {
  describe('jobs', () => {
    const store = storePerSuite(fresh);

    it('reads back a saved job exactly, result and error included', async () => {
      const saved = job('job-round-trip', {
        status: 'failed',
        finishedAt: '2025-03-01T08:05:00.000Z',
        result: { evaluation: 'ev_1', list: [1, 2.5, '三'], nested: { a: [[1, 2]] } },
        error: {
          code: 'validation_failed',
          status: 400,
          message: '坏',
          details: [{ where: 'a.b', message: 'x' }],
        },
      });
      await store.current().jobs.save(saved);
      expect(await store.current().jobs.get('job-round-trip')).to.deep.equal(saved);
      expect(await store.current().jobs.get('job-none')).to.equal(undefined);
    });

    it('replaces the whole record on a second save', async () => {
      const jobs = store.current().jobs;
      await jobs.save(job('job-replaced'));
      const done = job('job-replaced', {
        status: 'succeeded',
        finishedAt: '2025-03-01T08:01:00.000Z',
        result: { evaluation: 'ev_2' },
      });
      await jobs.save(done);
      expect(await jobs.get('job-replaced')).to.deep.equal(done);
    });

    it('refuses a record with an unknown status and names the field', async () => {
      const bad = { ...job('job-bad'), status: 'stuck' };
      expect(pathsOf(await rejection(store.current().jobs.save(bad)))).to.deep.equal(['job/status']);
    });

    it('touches progress and heartbeat of an unfinished job only', async () => {
      const jobs = store.current().jobs;
      await jobs.save(job('job-touched'));
      await jobs.save(job('job-finished', { status: 'succeeded', finishedAt: '2025-03-01T08:02:00.000Z' }));
      const change = {
        heartbeatAt: '2025-03-01T08:03:00.000Z',
        progress: { done: 7, total: 9, step: 'score' },
      };
      await jobs.touch('job-touched', change);
      await jobs.touch('job-finished', change);
      expect(await jobs.get('job-touched')).to.deep.include(change);
      expect((await jobs.get('job-finished'))?.heartbeatAt).to.equal('2025-03-01T08:00:00.000Z');
    });

    it('lists one owner’s jobs newest first, a page at a time, and everyone’s without an owner', async () => {
      const jobs = store.current().jobs;
      await jobs.save(job('job-list-1', { owner: 'usr_list', startedAt: '2025-04-01T08:00:00.000Z' }));
      await jobs.save(job('job-list-3', { owner: 'usr_list', startedAt: '2025-04-03T08:00:00.000Z' }));
      await jobs.save(job('job-list-2', { owner: 'usr_list', startedAt: '2025-04-02T08:00:00.000Z' }));
      await jobs.save(job('job-list-other', { owner: 'usr_other', startedAt: '2025-04-04T08:00:00.000Z' }));
      const ids = async (query: object): Promise<string[]> => (await jobs.list(query)).map((j) => j.id);
      expect(await ids({ owner: 'usr_list' })).to.deep.equal(['job-list-3', 'job-list-2', 'job-list-1']);
      expect(await ids({ owner: 'usr_list', limit: 1, offset: 1 })).to.deep.equal(['job-list-2']);
      expect((await ids({ limit: 2 })).slice(0, 2)).to.deep.equal(['job-list-other', 'job-list-3']);
    });

    it('interrupts an unfinished job but leaves a finished one as it ended', async () => {
      const jobs = store.current().jobs;
      await jobs.save(job('job-cut', { status: 'queued' }));
      await jobs.save(job('job-ended', { status: 'succeeded', finishedAt: '2025-03-01T08:04:00.000Z' }));
      expect(await jobs.interrupt('job-cut', interrupted, '2025-03-02T00:00:00.000Z')).to.equal(true);
      expect(await jobs.interrupt('job-ended', interrupted, '2025-03-02T00:00:00.000Z')).to.equal(false);
      expect(await jobs.get('job-cut')).to.deep.include({
        status: 'failed',
        finishedAt: '2025-03-02T00:00:00.000Z',
        error: interrupted,
      });
      expect((await jobs.get('job-ended'))?.status).to.equal('succeeded');
      expect((await jobs.unfinished()).map((j) => j.id)).not.to.include('job-cut');
    });

    it('lists the unfinished jobs, oldest first', async function () {
      const own = await openLocation(await fresh(this));
      try {
        await own.jobs.save(job('job-u2', { startedAt: '2025-05-02T00:00:00.000Z', status: 'queued' }));
        await own.jobs.save(job('job-u1', { startedAt: '2025-05-01T00:00:00.000Z' }));
        await own.jobs.save(job('job-u0', { status: 'cancelled', finishedAt: '2025-05-03T00:00:00.000Z' }));
        expect((await own.jobs.unfinished()).map((j) => j.id)).to.deep.equal(['job-u1', 'job-u2']);
      } finally {
        await own.close();
      }
    });

    it('purges finished jobs that ended before the cut, and nothing unfinished', async () => {
      const jobs = store.current().jobs;
      await jobs.save(job('job-old', { status: 'failed', finishedAt: '2020-01-01T00:00:00.000Z' }));
      await jobs.save(job('job-new', { status: 'succeeded', finishedAt: '2020-03-01T00:00:00.000Z' }));
      await jobs.save(job('job-old-running', { startedAt: '2019-01-01T00:00:00.000Z' }));
      expect(await jobs.purgeFinished('2020-02-01T00:00:00.000Z')).to.equal(1);
      expect(await jobs.get('job-old')).to.equal(undefined);
      expect(await jobs.get('job-new')).not.to.equal(undefined);
      expect(await jobs.get('job-old-running')).not.to.equal(undefined);
    });
  });
}
