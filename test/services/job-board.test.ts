/**
 * The job board keeps each job's owner: the actor who started it and admins may follow it; to
 * anyone else it does not exist, the same 404 as an unknown id.
 */
import { expect } from 'chai';
import { NotFoundError } from '../../server/errors.js';
import { JobRunner } from '../../server/jobs/job-runner.js';
import type { Actor } from '../../server/services/actor.js';
import { JobBoard } from '../../server/services/job-board.js';

const zhao: Actor = { name: 'zhao', role: 'evaluator', userId: 'usr_zhao' };
const qian: Actor = { name: 'qian', role: 'evaluator', userId: 'usr_qian' };
const admin: Actor = { name: 'root', role: 'admin', userId: 'usr_root' };

async function refusal(read: () => Promise<unknown>): Promise<unknown> {
  try {
    await read();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('job board', () => {
  const board = new JobBoard(new JobRunner());
  const job = board.start(zhao, 'import-units', () => Promise.resolve(null));

  it('shows a job to the actor who started it', async () => {
    expect((await board.read(zhao, job.id)).id).to.equal(job.id);
  });

  it('shows any job to an admin', async () => {
    expect((await board.read(admin, job.id)).id).to.equal(job.id);
  });

  it('answers another importer with the NotFoundError of an unknown job', async () => {
    const theirs = await refusal(() => board.read(qian, job.id));
    const unknown = await refusal(() => board.read(qian, 'no-such-job'));
    expect(theirs).to.be.instanceOf(NotFoundError);
    expect(unknown).to.be.instanceOf(NotFoundError);
  });

  it('tells command-line actors apart by name, as they have no user id', async () => {
    const cliJob = board.start({ name: 'cli:li', role: 'evaluator', userId: null }, 'evaluation', () =>
      Promise.resolve(null),
    );
    expect((await board.read({ name: 'cli:li', role: 'evaluator', userId: null }, cliJob.id)).id).to.equal(
      cliJob.id,
    );
    expect(
      await refusal(() => board.read({ name: 'cli:wu', role: 'evaluator', userId: null }, cliJob.id)),
    ).to.be.instanceOf(NotFoundError);
  });

  it('lists an actor’s own jobs newest first, and everyone’s to an admin who asks', async () => {
    const mine = await board.list(zhao, { limit: 10, offset: 0 });
    expect(mine.map((j) => j.id)).to.deep.equal([job.id]);
    expect(await board.list(qian, { limit: 10, offset: 0 }, true)).to.deep.equal([]);
    expect((await board.list(admin, { limit: 10, offset: 0 }, true)).length).to.equal(2);
  });
});
