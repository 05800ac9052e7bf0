/**
 * Store contract, evaluations: drafts with a frozen framework, results stored and read back
 * exactly, publication that makes them immutable, and versions: a change to a published
 * evaluation is a new version that cites the one before.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import { ConflictError, NotFoundError, ValidationError } from '../../server/errors.js';
import type { DocumentDatabase } from '../../server/store/documents/document-database.js';
import { NedbDatabase } from '../../server/store/embedded/nedb-database.js';
import { MongoDatabase } from '../../server/store/mongo/mongo-database.js';
import { BlobChunks } from '../../server/store/documents/blob-chunks.js';
import type { RawDocument, Store } from '../../server/store/store.js';
import { openLocation, type FreshLocation, type StoreLocation } from '../support/store-location.js';
import { pathsOf, rejection, storePerSuite } from './contract-helpers.js';

function draft(id: string, frameworkId = 'default'): Record<string, unknown> {
  return {
    id,
    label: { zh: '2025年评估', en: '2025 evaluation' },
    framework: {
      id: frameworkId,
      version: '1.0.0',
      hash: 'sha256:abc',
      hashes: { grid_household_coverage: 'sha256:111', coverage: 'sha256:222' },
      definition: {
        dimensions: [{ id: 'coverage', weight: 0.2 }],
        ahp: {
          matrix: [
            [1, 3],
            [1 / 3, 1],
          ],
        },
      },
    },
    methods: { normalisation: { method: 'minmax', range: [0, 100] } },
    periods: ['2025'],
    dataFingerprint: 'sha256:data',
    createdBy: 'evaluator1',
  };
}

/** A results blob the size of a 2,000-unit evaluation, with numbers that do not compress away. */
function bigResults(units: number): Record<string, unknown> {
  return {
    units: Array.from({ length: units }, (_, i) => ({
      code: `U${i}`,
      score: Math.sin(i) * 50 + 50,
      ranks: [i + 1, (i * 7) % units],
      indicators: Object.fromEntries(
        Array.from({ length: 30 }, (_, k) => [`ind_${k}`, Math.cos(i * k + 1) * 100]),
      ),
    })),
    meta: { note: '说明', missing: null },
  };
}

/** How many result chunks the store keeps (to see that nothing was left behind). */
function chunkCount(store: Store): Promise<number> {
  return store.raw.count('blobChunks');
}

export function evaluationsContract(fresh: FreshLocation): void {
  describe('evaluations', () => {
    const store = storePerSuite(fresh);

    it('creates a draft with its results in one call and reads the results back exactly', async () => {
      const results = bigResults(2000);
      const created = await store.current().evaluations.create(draft('ev1'), results);
      expect(created.status).to.equal('draft');
      expect(created.results?.bytes).to.equal(Buffer.byteLength(JSON.stringify(results)));
      expect((await store.current().evaluations.get('ev1'))?.results).to.deep.equal(created.results);
      expect(await store.current().evaluations.readResults('ev1')).to.deep.equal(results);
    });

    it('keeps results longer than a piece in pieces: the last chunk carries their index, read in key order', async () => {
      const raw = store.current().raw;
      const evaluations: RawDocument[] = [];
      for await (const doc of raw.dump('evaluations')) evaluations.push(doc);
      const ref = evaluations.find((doc) => doc._id === 'ev1')?.resultsRef as { key: string; chunks: number };
      const chunks: RawDocument[] = [];
      for await (const doc of raw.dump('blobChunks')) if (doc.owner === ref.key) chunks.push(doc);
      const last = chunks.find((doc) => doc.index === ref.chunks - 1);
      expect(JSON.parse(String(last?.pieces)))
        .to.be.an('array')
        .with.length(3);
      const read = (await store.current().evaluations.readResults('ev1')) as {
        units: Record<string, unknown>[];
      };
      expect(Object.keys(read)).to.deep.equal(['units', 'meta']);
      expect(Object.keys(read.units[1999]!)).to.deep.equal(['code', 'score', 'ranks', 'indicators']);
      const text = await store.current().evaluations.readResultsText('ev1');
      expect(text?.toString('utf8')).to.equal(JSON.stringify(bigResults(2000)));
    });

    it('keeps the framework snapshot, nested arrays included', async () => {
      const read = await store.current().evaluations.get('ev1');
      expect(read?.framework.definition).to.deep.equal({
        dimensions: [{ id: 'coverage', weight: 0.2 }],
        ahp: {
          matrix: [
            [1, 3],
            [1 / 3, 1],
          ],
        },
      });
      expect(read?.framework.hashes).to.deep.equal({
        grid_household_coverage: 'sha256:111',
        coverage: 'sha256:222',
      });
      expect(read?.methods).to.deep.equal({ normalisation: { method: 'minmax', range: [0, 100] } });
    });

    it('refuses a second evaluation with the same id and leaves none of its results behind', async () => {
      const chunks = await chunkCount(store.current());
      expect(
        await rejection(store.current().evaluations.create(draft('ev1'), { other: 1 })),
      ).to.be.instanceOf(ConflictError);
      expect(await chunkCount(store.current())).to.equal(chunks);
      expect(await store.current().evaluations.readResults('ev1')).to.deep.equal(bigResults(2000));
    });

    it('rejects results with NaN or a "$" key, names the paths and stores nothing', async () => {
      const chunks = await chunkCount(store.current());
      const error = await rejection(
        store.current().evaluations.create(draft('ev2'), { a: [1, Number.NaN], b: { $set: 1 } }),
      );
      expect(error).to.be.instanceOf(ValidationError);
      expect(pathsOf(error)).to.deep.equal(['results/a/1', 'results/b/$set']);
      expect(await store.current().evaluations.get('ev2')).to.equal(undefined);
      expect(await chunkCount(store.current())).to.equal(chunks);
    });

    it('publishes a draft and then refuses to delete it', async () => {
      const published = await store.current().evaluations.publish('ev1', 'lead');
      expect(published.status).to.equal('published');
      expect(published.publishedBy).to.equal('lead');
      const evaluations = store.current().evaluations;
      const error = await rejection(evaluations.deleteDraft('ev1'));
      expect(error).to.be.instanceOf(ConflictError);
      expect(error.message).to.match(/published/);
      expect(await evaluations.readResults('ev1')).to.deep.equal(bigResults(2000));
    });

    it('refuses to publish an evaluation a second time and keeps the first publication', async () => {
      const evaluations = store.current().evaluations;
      const before = await evaluations.get('ev1');
      expect(await rejection(evaluations.publish('ev1', 'someone else'))).to.be.instanceOf(ConflictError);
      const after = await evaluations.get('ev1');
      expect(after?.publishedBy).to.equal('lead');
      expect(after?.publishedAt).to.equal(before?.publishedAt);
    });

    it('deletes a draft with its results and returns what it was', async () => {
      const chunks = await chunkCount(store.current());
      await store.current().evaluations.create(draft('ev3'), { of: 'ev3' });
      expect(await chunkCount(store.current())).to.equal(chunks + 1);
      const deleted = await store.current().evaluations.deleteDraft('ev3');
      expect(deleted).to.deep.include({ id: 'ev3', status: 'draft', version: 1 });
      expect(await store.current().evaluations.get('ev3')).to.equal(undefined);
      expect(await rejection(store.current().evaluations.readResults('ev3'))).to.be.instanceOf(NotFoundError);
      expect(await chunkCount(store.current())).to.equal(chunks);
    });

    it('answers NotFoundError when deleting an evaluation that does not exist', async () => {
      expect(await rejection(store.current().evaluations.deleteDraft('nope'))).to.be.instanceOf(
        NotFoundError,
      );
    });

    it('lists evaluations newest first, by status and framework', async () => {
      await store.current().evaluations.create(draft('ev2'), { of: 'ev2' });
      await new Promise((resolve) => setTimeout(resolve, 5));
      await store.current().evaluations.create(draft('ev4', 'asem'), { of: 'ev4' });
      const drafts = await store.current().evaluations.list({ status: 'draft' });
      expect(drafts.map((e) => e.id)).to.deep.equal(['ev4', 'ev2']);
      const asem = await store.current().evaluations.list({ frameworkId: 'asem' });
      expect(asem.map((e) => e.id)).to.deep.equal(['ev4']);
    });

    it('rejects a framework definition with a key containing "."', async () => {
      const bad = draft('ev5');
      (bad.framework as Record<string, unknown>).definition = { weights: { 'coverage.grid': 1 } };
      const error = await rejection(store.current().evaluations.create(bad, {}));
      expect(pathsOf(error)).to.deep.equal(['evaluation/framework/definition/weights/coverage.grid']);
    });
  });
  versionsContract(fresh);
  legacyContract(fresh);
  recoveryContract(fresh);
}

/** A draft that supersedes `previous`, with the reason every version must give. */
function version(
  id: string,
  previous: string,
  reason: unknown = '改用熵权法 entropy weights',
): Record<string, unknown> {
  return { ...draft(id), supersedes: previous, reason };
}

function versionsContract(fresh: FreshLocation): void {
  describe('evaluation versions', () => {
    const store = storePerSuite(fresh);
    const evaluations = () => store.current().evaluations;
    const create = (d: Record<string, unknown>) => evaluations().create(d, { of: d.id ?? null });
    const publish = async (id: string): Promise<void> => {
      await evaluations().publish(id, 'lead');
    };

    it('makes a new evaluation version 1 of its own line', async () => {
      const first = await create(draft('a1'));
      expect(first).to.deep.include({ version: 1, supersedes: null, lineage: 'a1', reason: null });
    });

    it('refuses to supersede a draft', async () => {
      const error = await rejection(create(version('a2', 'a1')));
      expect(error).to.be.instanceOf(ConflictError);
      expect(error.message).to.match(/a1 is a draft/);
      expect(await evaluations().get('a2')).to.equal(undefined);
    });

    it('refuses a version without a reason, and a reason without a version', async () => {
      await publish('a1');
      const noReason = { ...draft('a2'), supersedes: 'a1' };
      expect(await rejection(create(noReason))).to.be.instanceOf(ValidationError);
      const noVersion = { ...draft('a2'), reason: 'why' };
      expect(await rejection(create(noVersion))).to.be.instanceOf(ValidationError);
      const blank = await rejection(create(version('a2', 'a1', '   ')));
      expect(blank).to.be.instanceOf(ValidationError);
      expect(await evaluations().get('a2')).to.equal(undefined);
    });

    it('refuses a reason longer than 500 characters', async () => {
      const error = await rejection(create(version('a2', 'a1', 'x'.repeat(501))));
      expect(error).to.be.instanceOf(ValidationError);
    });

    it('refuses to supersede an evaluation that does not exist', async () => {
      expect(await rejection(create(version('a2', 'nope')))).to.be.instanceOf(NotFoundError);
    });

    it('refuses a version of another framework', async () => {
      const other = { ...draft('a2', 'asem'), supersedes: 'a1', reason: 'why' };
      const error = await rejection(create(other));
      expect(pathsOf(error)).to.deep.equal(['evaluation/framework/id']);
    });

    it('stores a draft version 2 that cites the published version 1', async () => {
      const reason = { zh: '改用熵权法', en: 'Entropy weights instead of expert weights' };
      const second = await create(version('a2', 'a1', reason));
      expect(second).to.deep.include({ version: 2, supersedes: 'a1', lineage: 'a1', status: 'draft' });
      expect(second.reason).to.deep.equal(reason);
      expect((await evaluations().get('a2'))?.reason).to.deep.equal(reason);
    });

    it('refuses a second open draft of the same line and names the open one', async () => {
      const error = await rejection(create(version('a2b', 'a1')));
      expect(error).to.be.instanceOf(ConflictError);
      expect(error.message).to.include('a2');
      expect(error.message).to.match(/open draft/);
      expect(await evaluations().get('a2b')).to.equal(undefined);
    });

    it('leaves version 1 exactly as published when version 2 is made', async () => {
      const first = await evaluations().get('a1');
      expect(first).to.deep.include({ status: 'published', version: 1, supersedes: null });
      expect(await evaluations().readResults('a1')).to.deep.equal({ of: 'a1' });
    });

    it('refuses to supersede a version that a newer published version replaced', async () => {
      await publish('a2');
      const error = await rejection(create(version('a3', 'a1')));
      expect(error).to.be.instanceOf(ConflictError);
      expect(error.message).to.match(/superseded by a2/);
    });

    it('numbers the next version from the latest one', async () => {
      const third = await create(version('a3', 'a2'));
      expect(third).to.deep.include({ version: 3, supersedes: 'a2', lineage: 'a1' });
    });

    it('lists the whole line oldest first from any of its versions', async () => {
      await create(draft('b1'));
      for (const id of ['a1', 'a2', 'a3']) {
        const line = await evaluations().versions(id);
        expect(line.map((e) => [e.id, e.version])).to.deep.equal([
          ['a1', 1],
          ['a2', 2],
          ['a3', 3],
        ]);
      }
      expect((await evaluations().versions('b1')).map((e) => e.id)).to.deep.equal(['b1']);
    });

    it('answers NotFoundError for the versions of an unknown evaluation', async () => {
      expect(await rejection(evaluations().versions('nope'))).to.be.instanceOf(NotFoundError);
    });

    it('lets the latest version be superseded again once the open draft is deleted', async () => {
      await evaluations().deleteDraft('a3');
      const again = await create(version('a3b', 'a2'));
      expect(again).to.deep.include({ version: 3, supersedes: 'a2' });
      expect((await evaluations().versions('a1')).map((e) => e.id)).to.deep.equal(['a1', 'a2', 'a3b']);
    });

    it('stores exactly one of two versions that race to supersede the same evaluation', async () => {
      await publish('a3b');
      const chunks = await chunkCount(store.current());
      const outcomes = await Promise.allSettled([
        create(version('race1', 'a3b')),
        create(version('race2', 'a3b')),
      ]);
      const created = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as Error] : []));
      expect(created).to.have.length(1);
      expect(refused).to.have.length(1);
      expect(refused[0]).to.be.instanceOf(ConflictError);
      expect(refused[0]?.message).to.include(`open draft version ${created[0]?.id ?? ''}`);
      const successors = (await evaluations().versions('a1')).filter((e) => e.supersedes === 'a3b');
      expect(successors.map((e) => e.id)).to.deep.equal([created[0]?.id]);
      expect(await chunkCount(store.current())).to.equal(chunks + 1);
    });

    it('keeps the Monte Carlo settings an evaluation ran with', async () => {
      const uncertainty = { replications: 20, seed: 7, aggregation: [{ method: 'geometric' }] };
      const created = await create({ ...draft('c1'), uncertainty });
      expect(created.uncertainty).to.deep.equal(uncertainty);
      expect((await evaluations().get('c1'))?.uncertainty).to.deep.equal(uncertainty);
      expect((await evaluations().get('b1'))?.uncertainty).to.equal(null);
    });
  });
}

/** The document port of a location, opened without the store (to write what an older Zhili stored). */
async function rawDatabase(location: StoreLocation): Promise<DocumentDatabase> {
  if (location.kind === 'embedded') return NedbDatabase.open(location.dataDir);
  return MongoDatabase.open(await mongoose.createConnection(location.uri).asPromise());
}

/** An evaluation as stored before versions existed: no version, supersedes, lineage or reason. */
function legacyDoc(id: string): Record<string, unknown> & { _id: string } {
  return {
    _id: id,
    label: null,
    framework: { id: 'default', version: '1.0.0', hash: 'sha256:abc', hashes: {}, definitionJson: '{}' },
    methodsJson: '{}',
    periods: ['2024'],
    dataFingerprint: 'sha256:data',
    status: 'published',
    createdAt: '2024-06-01T00:00:00.000Z',
    createdBy: 'evaluator1',
    publishedAt: '2024-06-02T00:00:00.000Z',
    publishedBy: 'lead',
    results: null,
    resultsRef: null,
  };
}

function legacyContract(fresh: FreshLocation): void {
  describe('evaluations stored before versions existed', () => {
    let location: StoreLocation;
    before(async function () {
      location = await fresh(this);
      const raw = await rawDatabase(location);
      await raw.collection('evaluations').insertOne(legacyDoc('old1'));
      await raw.close();
    });

    it('read as version 1 of their own line, and can be superseded', async () => {
      const store = await openLocation(location);
      try {
        const old = await store.evaluations.get('old1');
        expect(old).to.deep.include({ version: 1, supersedes: null, lineage: 'old1', reason: null });
        expect(old?.uncertainty).to.equal(null);
        const next = await store.evaluations.create(version('new2', 'old1'), { of: 'new2' });
        expect(next).to.deep.include({ version: 2, supersedes: 'old1', lineage: 'old1' });
        expect((await store.evaluations.versions('new2')).map((e) => e.id)).to.deep.equal(['old1', 'new2']);
        expect((await store.evaluations.versions('old1')).map((e) => e.id)).to.deep.equal(['old1', 'new2']);
      } finally {
        await store.close();
      }
    });
  });
}

/**
 * What an interrupted run leaves, written straight to the documents as a killed process leaves
 * them: results that no evaluation points at, and (from older versions of Zhili) a draft of a
 * published evaluation without results, which blocked every new version of it.
 */
function recoveryContract(fresh: FreshLocation): void {
  describe('evaluations interrupted while they were stored', () => {
    let location: StoreLocation;
    let orphan = '';
    let recent = '';
    let chunksBefore = 0;
    before(async function () {
      location = await fresh(this);
      const store = await openLocation(location);
      try {
        await store.evaluations.create(draft('p1'), { of: 'p1' });
        await store.evaluations.publish('p1', 'lead');
        chunksBefore = await chunkCount(store);
      } finally {
        await store.close();
      }
      const raw = await rawDatabase(location);
      try {
        const blobs = new BlobChunks(raw.collection('blobChunks'));
        orphan = (await blobs.write('res', { interrupted: true })).key;
        await raw.collection('blobChunks').updateOne({ owner: orphan }, { at: '2024-06-01T00:00:00.000Z' });
        recent = (await blobs.write('res', { interrupted: 'just now' })).key;
        const stuck: Record<string, unknown> & { _id: string } = {
          ...legacyDoc('stuck2'),
          status: 'draft',
          publishedAt: null,
          publishedBy: null,
          version: 2,
          supersedes: 'p1',
          lineage: 'p1',
          reason: 'weights',
        };
        await raw.collection('evaluations').insertOne(stuck);
      } finally {
        await raw.close();
      }
    });

    it('removes, when the store opens, the draft without results and the results without evaluation', async () => {
      const store = await openLocation(location);
      try {
        expect(store.evaluationsRecoveredAtOpen.removedDrafts).to.deep.equal(['stuck2']);
        expect(store.evaluationsRecoveredAtOpen.orphanedResults).to.include(orphan);
        expect(await store.evaluations.get('stuck2')).to.equal(undefined);
        expect(await store.evaluations.readResults('p1')).to.deep.equal({ of: 'p1' });
        // Results written moments ago may belong to another process sharing a MongoDB server,
        // between its two writes: only the embedded store (one process) removes them at once.
        const left = location.kind === 'embedded' ? chunksBefore : chunksBefore + 1;
        expect(await chunkCount(store)).to.equal(left);
        expect(store.evaluationsRecoveredAtOpen.orphanedResults.includes(recent)).to.equal(
          location.kind === 'embedded',
        );
      } finally {
        await store.close();
      }
    });

    it('lets the published evaluation get its new version afterwards', async () => {
      const store = await openLocation(location);
      try {
        const next = await store.evaluations.create(version('next2', 'p1'), { of: 'next2' });
        expect(next).to.deep.include({ version: 2, supersedes: 'p1', lineage: 'p1', status: 'draft' });
        expect(await store.evaluations.readResults('next2')).to.deep.equal({ of: 'next2' });
      } finally {
        await store.close();
      }
    });
  });
}
