/**
 * Issue 19, finding 9: FerretDB is killed in the middle of an import and started again on the
 * same data. The importing process keeps its store open throughout (Zhili is not restarted), and
 * the batch it was writing becomes failed, with none of its rows left, once the server is back.
 */
import { expect } from 'chai';
import { setTimeout as pause } from 'node:timers/promises';
import { buildFerretDb, startFerretDb, type FerretDb } from '../../scripts/ferretdb.js';
import { failWhenStoreAnswers } from '../../server/store/fail-when-back.js';
import { importRecords } from '../../server/store/import-records.js';
import type { ImportBatch } from '../../server/store/models/import-batch.js';
import { MongoStore } from '../../server/store/mongo/mongo-store.js';
import { rejection, shaOf } from '../contract/contract-helpers.js';
import { freshDatabaseUri, mongoUriOrSkip } from '../support/mongo-target.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

const ROWS = Array.from({ length: 5000 }, (_, i) => ({
  unit: `U${String(i).padStart(5, '0')}`,
  period: '2025',
  values: { households: i },
}));

/** The newest batch once it is failed; undefined if it is not failed by `deadline`. */
async function failedBatch(store: MongoStore, deadline: number): Promise<ImportBatch | undefined> {
  while (Date.now() < deadline) {
    const [newest] = await store.imports.list({ limit: 1 }).catch(() => []);
    if (newest?.status === 'failed') return newest;
    await pause(250);
  }
  return undefined;
}

describe('failing an import batch when the store comes back', function () {
  this.timeout(180_000);

  it('fails the batch of an import whose FerretDB was killed mid-way once FerretDB is back, without reopening the store', async function () {
    mongoUriOrSkip(this);
    const binary = await buildFerretDb();
    const first = await startFerretDb(binary);
    let second: FerretDb | undefined;
    const store = await MongoStore.open(freshDatabaseUri(first.baseUri), { serverSelectionTimeoutMS: 2000 });
    try {
      let killed: Promise<void> | undefined;
      const importing = importRecords(
        store,
        {
          kind: 'observations',
          actor: 'tester',
          fileName: 'cut-off.csv',
          sha256: shaOf('cut off'),
          period: '2025',
          periods: ['2025'],
        },
        ROWS,
        {
          tally: { rows: ROWS.length, errors: 0, warnings: 0 },
          sliceSize: 100,
          onProgress: () => {
            killed ??= first.kill();
          },
        },
      );
      await rejection(importing);
      await killed;
      second = await startFerretDb(binary, first.place);
      const batch = await failedBatch(store, Date.now() + 45_000);
      expect(batch, 'the batch, failed').not.to.equal(undefined);
      expect(batch!.fileName).to.equal('cut-off.csv');
      expect(await store.imports.storedRowCount(batch!.id)).to.equal(0);
      expect(await store.imports.list({ status: 'pending' })).to.deep.equal([]);
    } finally {
      await store.close();
      await second?.stop();
      await first.stop();
    }
  });
});

describe('failWhenStoreAnswers', () => {
  const quick = { firstMs: 1, longestMs: 2, giveUpAfterMs: 5_000 };
  const start = {
    kind: 'observations',
    actor: 'tester',
    fileName: 'a.csv',
    sha256: shaOf('retry'),
    period: '2025',
    periods: ['2025'],
  };

  it('fails a pending batch at the first try the store answers', async () => {
    const temp = await tempEmbeddedStore();
    try {
      const batch = await temp.store.imports.begin(start);
      const failed = await failWhenStoreAnswers(
        temp.store.imports,
        batch.id,
        { reason: 'store lost' },
        quick,
      );
      expect(failed?.status).to.equal('failed');
      expect(failed?.failure).to.equal('store lost');
    } finally {
      await temp.dispose();
    }
  });

  it('stops without a change when the store answers that the batch is committed', async () => {
    const temp = await tempEmbeddedStore();
    try {
      const batch = await temp.store.imports.begin(start);
      await temp.store.imports.commit(batch.id, { counts: { rows: 0, stored: 0, errors: 0, warnings: 0 } });
      const answer = await failWhenStoreAnswers(
        temp.store.imports,
        batch.id,
        { reason: 'store lost' },
        quick,
      );
      expect(answer).to.equal(undefined);
      expect((await temp.store.imports.get(batch.id))?.status).to.equal('committed');
    } finally {
      await temp.dispose();
    }
  });
});
