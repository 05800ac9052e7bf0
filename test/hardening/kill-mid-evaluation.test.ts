/**
 * Proof (issue 2): a new version interrupted while it stores its results leaves no draft without
 * results, and the published evaluation can get its new version afterwards.
 *
 * - Embedded store: the real server (`npm start`) is killed with SIGKILL at the first write of the
 *   version (a results chunk, or the evaluation document) and started again on the same data.
 * - FerretDB: the database server is killed at the same moment while Zhili keeps running, then
 *   started again on its data; Zhili carries on without a restart.
 *
 * The moment is found by watching the store from outside (file sizes, document counts), not by a
 * hook in the code. Stored before the results, as Zhili used to, the draft is what appears first
 * and the kill leaves it without results, blocking every new version (409 "open draft").
 */
import { expect } from 'chai';
import { stat, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { buildFerretDb, startFerretDb, type FerretDb } from '../../scripts/ferretdb.js';
import { loadDemo } from '../../server/demo/load-demo.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import { indicatorsDir } from '../../server/paths.js';
import type { Evaluation } from '../../server/store/models/evaluation.js';
import { seedUser, type SeededUser } from '../support/auth.js';
import { freshDatabaseUri, mongoUriOrSkip } from '../support/mongo-target.js';
import { openLocation, type StoreLocation } from '../support/store-location.js';
import { request, waitForJob, type JobView } from './support/api-client.js';
import { launchZhili, type ZhiliProcess } from './support/zhili-process.js';

/** The demo's Monte Carlo factors with more runs, so the job is well under way when watched. */
const UNCERTAINTY = {
  replications: 3000,
  seed: 11,
  weights: { method: 'uniform', range: 0.25 },
  normalisation: [{ method: 'minmax', range: [1, 100] }],
  aggregation: [{ method: 'arithmetic' }, { method: 'geometric' }],
};

interface Page<T> {
  readonly items: readonly T[];
}

/** The published demo evaluation and an admin, written before the server starts. */
async function prepare(location: StoreLocation): Promise<{ admin: SeededUser; published: Evaluation }> {
  const store = await openLocation(location);
  try {
    const published = await loadDemo(store, await loadRegistry(indicatorsDir));
    return { admin: await seedUser(store, 'admin'), published };
  } finally {
    await store.close();
  }
}

async function startVersion(
  zhili: ZhiliProcess,
  admin: SeededUser,
  of: string,
  uncertainty: unknown,
): Promise<JobView> {
  const answer = await request<JobView>(`${zhili.url}/api/v1/evaluations/${of}/versions`, admin.headers, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reason: 'kill test', uncertainty }),
  });
  if (answer.status !== 202)
    throw new Error(`new version answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Polls `changed` every 2 ms until it says which write it saw. */
async function firstWrite(changed: () => Promise<string | undefined>, timeoutMs = 240_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const seen = await changed();
    if (seen !== undefined) return seen;
    if (Date.now() > until) throw new Error('the version was never stored');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * After the interruption: every draft has results that read back, the one draft of the line (if
 * the kill came after the document write) can be deleted, and a new version is then made.
 */
async function checkRecovered(
  zhili: ZhiliProcess,
  admin: SeededUser,
  published: Evaluation,
): Promise<number> {
  const drafts = await request<Page<Evaluation>>(
    `${zhili.url}/api/v1/evaluations?status=draft`,
    admin.headers,
  );
  expect(drafts.status).to.equal(200);
  for (const draft of drafts.body.items) {
    expect(draft.results, `draft ${draft.id}`).to.not.equal(null);
    const results = await request(`${zhili.url}/api/v1/evaluations/${draft.id}/results`, admin.headers);
    expect(results.status, `results of draft ${draft.id}`).to.equal(200);
    const deleted = await request(`${zhili.url}/api/v1/evaluations/${draft.id}`, admin.headers, {
      method: 'DELETE',
    });
    expect(deleted.status).to.equal(200);
  }
  const again = await startVersion(zhili, admin, published.id, null);
  const done = await waitForJob(zhili.url, admin.headers, again.id);
  expect(done.error).to.equal(null);
  expect(done.status).to.equal('succeeded');
  return drafts.body.items.length;
}

describe('interrupting a new version while it stores its results', () => {
  describe('on the embedded store: the server killed with SIGKILL', function () {
    this.timeout(600_000);
    let dataDir = '';
    let zhili: ZhiliProcess | undefined;
    let admin: SeededUser;
    let published: Evaluation;
    let seen = '';

    // The evaluation document first, then the chunks: a document seen with no new chunk was written
    // before its results (results written first are always seen with it or before it).
    const sizes = async (): Promise<[number, number]> => {
      const evaluations = (await stat(path.join(dataDir, 'evaluations.db'))).size;
      return [(await stat(path.join(dataDir, 'blobChunks.db'))).size, evaluations];
    };

    before(async () => {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'zhili-kill-eval-'));
      ({ admin, published } = await prepare({ kind: 'embedded', dataDir }));
      const env = { DATA_DIR: dataDir, ZHILI_DEMO: 'off' };
      zhili = await launchZhili(env);
      const [chunks, evaluations] = await sizes();
      await startVersion(zhili, admin, published.id, UNCERTAINTY);
      seen = await firstWrite(async () => {
        const [c, e] = await sizes();
        if (c > chunks) return 'a results chunk';
        if (e > evaluations) return 'the evaluation document';
        return undefined;
      });
      await zhili.kill();
      zhili = await launchZhili(env);
    });

    after(async () => {
      await zhili?.stop();
      if (dataDir !== '') await rm(dataDir, { recursive: true, force: true });
    });

    it('was killed at the first write of the version, and that write was its results', () => {
      console.log(`      (killed at the first write: ${seen})`);
      expect(seen).to.equal('a results chunk');
    });

    it('shows no draft without results after the restart, and makes the new version', async () => {
      await checkRecovered(zhili!, admin, published);
    });

    it('keeps no results that no evaluation points at', async () => {
      await zhili!.stop();
      zhili = undefined;
      const store = await openLocation({ kind: 'embedded', dataDir });
      try {
        const pointed = new Set<string>();
        for await (const doc of store.raw.dump('evaluations')) {
          const ref = doc.resultsRef as { key?: string } | null;
          if (ref?.key !== undefined) pointed.add(ref.key);
        }
        for await (const chunk of store.raw.dump('blobChunks')) {
          const owner = String(chunk.owner);
          if (owner.startsWith('res_')) expect(pointed.has(owner), owner).to.equal(true);
        }
      } finally {
        await store.close();
      }
    });
  });

  describe('on FerretDB: the database killed and started again, Zhili running on', function () {
    this.timeout(600_000);
    let ferret: FerretDb | undefined;
    let again: FerretDb | undefined;
    let zhili: ZhiliProcess | undefined;
    let client: MongoClient | undefined;
    let admin: SeededUser;
    let published: Evaluation;
    let interrupted: JobView;
    let seen = '';
    let dataDir = '';

    before(async function () {
      mongoUriOrSkip(this);
      ferret = await startFerretDb(await buildFerretDb());
      const uri = freshDatabaseUri(ferret.baseUri);
      ({ admin, published } = await prepare({ kind: 'mongo', uri }));
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'zhili-kill-eval-'));
      zhili = await launchZhili({ DATA_DIR: dataDir, ZHILI_DEMO: 'off', MONGODB_URI: uri });
      client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 2000 });
      const db = client.db();
      const resultChunks = { _id: { $gte: 'res_', $lt: 'res`' } };
      const chunks = await db.collection<{ _id: string }>('blobChunks').countDocuments(resultChunks);
      const drafts = await db.collection('evaluations').countDocuments({ status: 'draft' });
      const job = await startVersion(zhili, admin, published.id, UNCERTAINTY);
      seen = await firstWrite(async () => {
        // As on the embedded store: the document first, then the chunks.
        const draftsNow = await db.collection('evaluations').countDocuments({ status: 'draft' });
        if ((await db.collection<{ _id: string }>('blobChunks').countDocuments(resultChunks)) > chunks)
          return 'a results chunk';
        return draftsNow > drafts ? 'the evaluation document' : undefined;
      });
      await ferret.kill();
      await client.close(true);
      client = undefined;
      again = await startFerretDb(await buildFerretDb(), ferret.place);
      interrupted = await waitForJob(zhili.url, admin.headers, job.id);
    });

    after(async () => {
      await client?.close(true);
      await zhili?.stop();
      await again?.stop();
      await ferret?.stop();
      if (dataDir !== '') await rm(dataDir, { recursive: true, force: true });
    });

    it('killed the database at the first write of the version, its results, and the job ended', () => {
      console.log(`      (FerretDB killed at the first write: ${seen}; the job then ${interrupted.status})`);
      expect(seen).to.equal('a results chunk');
      expect(interrupted.status).to.be.oneOf(['failed', 'succeeded']);
    });

    it('shows no draft without results once the database is back, and makes the new version', async () => {
      await checkRecovered(zhili!, admin, published);
    });
  });
});
