/**
 * Jobs over the document port: one document per job, replaced whole when its status changes and
 * touched (progress, heartbeat) while it runs. The result and the error are kept as JSON text.
 * Finished jobs are purged by age (purgeFinished); interrupted ones are failed one by one with a
 * conditional write (interrupt), so a job that finished meanwhile keeps its outcome.
 */
import { FINISHED_JOB_STATUSES, type JobError, type JobProgress, type StoredJob } from '../../domain/job.js';
import { asStoredJob } from '../models/job.js';
import type { JobQuery, JobStore, JsonValue } from '../store.js';
import { assertStorableJson } from '../validation/safe-json.js';
import type { DocumentCollection, StoredDoc } from './document-database.js';
import { pageOf } from './page.js';

type JobDoc = Omit<StoredJob, 'id' | 'result' | 'error'> & {
  readonly _id: string;
  readonly resultJson: string;
  readonly errorJson: string;
};

const UNFINISHED = { $in: ['queued', 'running'] };
const FINISHED = { $in: [...FINISHED_JOB_STATUSES] };

function jobOf(stored: StoredDoc): StoredJob {
  const { _id, resultJson, errorJson, ...rest } = stored as unknown as JobDoc;
  return {
    id: _id,
    ...rest,
    result: JSON.parse(resultJson) as JsonValue,
    error: JSON.parse(errorJson) as JobError | null,
  };
}

export class JobRepository implements JobStore {
  constructor(private readonly jobs: DocumentCollection) {}

  async save(input: unknown): Promise<void> {
    const { id, result, error, ...rest } = asStoredJob(input);
    const doc: JobDoc = {
      _id: id,
      ...rest,
      resultJson: JSON.stringify(assertStorableJson(result, 'job/result')),
      errorJson: JSON.stringify(error),
    };
    await this.jobs.replace(doc);
  }

  async touch(
    id: string,
    change: { readonly heartbeatAt: string; readonly progress?: JobProgress },
  ): Promise<void> {
    await this.jobs.updateOne({ _id: id, status: UNFINISHED }, { ...change });
  }

  async get(id: string): Promise<StoredJob | undefined> {
    const doc = await this.jobs.findOne({ _id: id });
    return doc === undefined ? undefined : jobOf(doc);
  }

  async list(query: JobQuery = {}): Promise<StoredJob[]> {
    const filter = query.owner === undefined ? {} : { owner: query.owner };
    const docs = await this.jobs.find(filter, { sort: { startedAt: -1, _id: -1 }, ...pageOf(query) });
    return docs.map(jobOf);
  }

  async unfinished(): Promise<StoredJob[]> {
    return (await this.jobs.find({ status: UNFINISHED }, { sort: { startedAt: 1 } })).map(jobOf);
  }

  async interrupt(id: string, error: JobError, at: string): Promise<boolean> {
    return this.jobs.updateOne(
      { _id: id, status: UNFINISHED },
      { status: 'failed', finishedAt: at, errorJson: JSON.stringify(error) },
    );
  }

  purgeFinished(before: string): Promise<number> {
    return this.jobs.deleteMany({ status: FINISHED, finishedAt: { $lt: before } });
  }
}
