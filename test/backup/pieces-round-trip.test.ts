/**
 * Results written in pieces survive a backup and its restore, into either adapter: the archive
 * carries the chunks with the index of their pieces, the archive's blob check accepts them, and
 * the restored store reads the same value (keys in the same order) under the same SHA-256.
 */
import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { restoreBackup } from '../../server/backup/restore-backup.js';
import { writeBackup } from '../../server/backup/write-backup.js';
import { MongoStore } from '../../server/store/mongo/mongo-store.js';
import type { RawDocument, Store } from '../../server/store/store.js';
import { mongoUriOrSkip } from '../support/mongo-target.js';
import { tempEmbeddedStore } from '../support/temp-store.js';
import { hostileValue, keyOrder } from '../store/documents/hostile-json.js';

// About 1.7 MB of JSON: longer than a piece (1 MiB), so written in pieces.
const RESULTS = hostileValue(20_000);

const DRAFT = {
  id: 'ev_pieces',
  framework: { id: 'default', version: '1.0.0', hash: 'sha256:abc', hashes: {}, definition: {} },
  methods: {},
  periods: ['2025'],
  dataFingerprint: 'sha256:data',
  createdBy: 'evaluator1',
};

async function lastChunkPieces(store: Store): Promise<unknown> {
  const chunks: RawDocument[] = [];
  for await (const doc of store.raw.dump('blobChunks')) chunks.push(doc);
  return chunks.sort((a, b) => Number(a.index) - Number(b.index)).at(-1)?.pieces;
}

async function expectSameResults(target: Store, sha256: string): Promise<void> {
  expect((await target.evaluations.get(DRAFT.id))?.results?.sha256).to.equal(sha256);
  const read = await target.evaluations.readResults(DRAFT.id);
  const expected = JSON.parse(JSON.stringify(RESULTS)) as unknown;
  expect(read).to.deep.equal(expected);
  expect(keyOrder(read)).to.deep.equal(keyOrder(expected));
  expect(await lastChunkPieces(target)).to.be.a('string');
}

describe('backup and restore: results written in pieces', function () {
  this.timeout(120_000);
  let dir: string;
  let source: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let archive: string;
  let sha256: string;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-pieces-backup-'));
    source = await tempEmbeddedStore();
    const created = await source.store.evaluations.create(DRAFT, RESULTS);
    sha256 = created.results?.sha256 ?? '';
    expect(await lastChunkPieces(source.store)).to.be.a('string');
    archive = (await writeBackup(source.store, path.join(dir, 'pieces.backup.gz'), { actor: 'cli:test' }))
      .file;
  });

  after(async () => {
    await source.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('restores them into a fresh embedded store', async () => {
    const target = await tempEmbeddedStore();
    try {
      await restoreBackup(target.store, archive, { actor: 'cli:test', replace: false, allowUnsigned: true });
      await expectSameResults(target.store, sha256);
    } finally {
      await target.dispose();
    }
  });

  it('restores them into a fresh MongoDB store', async function () {
    const target = await MongoStore.open(mongoUriOrSkip(this));
    try {
      await restoreBackup(target, archive, { actor: 'cli:test', replace: false, allowUnsigned: true });
      await expectSameResults(target, sha256);
    } finally {
      await target.close();
    }
  });
});
