/**
 * Issue 19, finding 6: stored results are checked against the SHA-256 the evaluation publishes
 * (`results.sha256`, the API's ETag) every time they are read, so results edited in the database
 * are refused instead of being served as the published ones. Both adapters.
 */
import { expect } from 'chai';
import { Writable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { pino } from 'pino';
import { buildApp } from '../../../server/app.js';
import { IntegrityError } from '../../../server/errors.js';
import type { RawDocument, Store } from '../../../server/store/store.js';
import { appDeps } from '../../support/app-deps.js';
import { seedUser } from '../../support/auth.js';
import { serve } from '../../support/http.js';
import {
  freshEmbedded,
  freshMongo,
  openLocation,
  removeEmbeddedDirs,
  type FreshLocation,
} from '../../support/store-location.js';
import { rejection } from '../../support/rejection.js';

const RESULTS = { units: [{ code: 'U1', score: 39.37, rank: 713 }], meta: { note: '说明' } };

function draft(id: string): Record<string, unknown> {
  return {
    id,
    framework: { id: 'default', version: '1.0.0', hash: 'sha256:abc', hashes: {}, definition: {} },
    methods: {},
    periods: ['2025'],
    dataFingerprint: 'sha256:data',
    createdBy: 'evaluator1',
  };
}

/** Rewrites every document of `collection` through `change`, as someone with database access could. */
async function rewrite(
  store: Store,
  collection: string,
  change: (doc: RawDocument) => RawDocument,
): Promise<void> {
  const docs: RawDocument[] = [];
  for await (const doc of store.raw.dump(collection)) docs.push(change(doc));
  await store.raw.clear(collection);
  await store.raw.load(collection, docs);
}

/** Edits the stored results text the way someone with database access could. */
function editScore(store: Store): Promise<void> {
  return rewrite(store, 'blobChunks', (doc) => {
    const text = gunzipSync(Buffer.from(String(doc.data), 'base64')).toString('utf8');
    return { ...doc, data: gzipSync(text.replace('39.37', '99.99')).toString('base64') };
  });
}

function integrityScenario(name: string, fresh: FreshLocation): void {
  describe(`stored results are checked on read: ${name}`, function () {
    this.timeout(60_000);
    let store: Store;
    let sha256 = '';

    beforeEach(async function () {
      store = await openLocation(await fresh(this));
      sha256 = (await store.evaluations.create(draft('ev1'), RESULTS)).results?.sha256 ?? '';
      await store.evaluations.publish('ev1', 'li');
    });

    afterEach(async () => {
      await store.close();
    });

    it('reads untouched results back as stored', async () => {
      expect(await store.evaluations.readResults('ev1')).to.deep.equal(RESULTS);
    });

    it('refuses results whose stored text was edited (39.37 → 99.99), naming both checksums', async () => {
      await editScore(store);
      const error = await rejection(store.evaluations.readResults('ev1'));
      expect(error).to.be.instanceOf(IntegrityError);
      expect(error.message).to.include(`does not match its recorded SHA-256 (recorded ${sha256}, found `);
      expect(error).to.have.property('status', 500);
    });

    it('refuses results whose published checksum no longer matches the one recorded for the stored text', async () => {
      await rewrite(store, 'evaluations', (doc) => ({
        ...doc,
        results: { ...(doc.results as object), sha256: 'f'.repeat(64) },
      }));
      const error = await rejection(store.evaluations.readResults('ev1'));
      expect(error).to.be.instanceOf(IntegrityError);
      expect(error.message).to.include(
        `records results.sha256 ${'f'.repeat(64)} but its stored results are ${sha256}`,
      );
    });

    it('answers the results API with 500 integrity_failed, logged, instead of the edited numbers', async () => {
      const admin = await seedUser(store, 'admin');
      const logged: string[] = [];
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          logged.push(chunk.toString('utf8'));
          done();
        },
      });
      const app = buildApp({ ...(await appDeps(store)), logger: pino({ level: 'error' }, sink) });
      const served = await serve(app);
      try {
        await editScore(store);
        const answer = await fetch(`${served.url}/api/v1/evaluations/ev1/results`, {
          headers: admin.headers,
        });
        const text = await answer.text();
        expect(answer.status).to.equal(500);
        expect(text).to.include('"code":"integrity_failed"').and.not.include('99.99');
        expect(logged.join('')).to.include('"msg":"integrity_failed"').and.include(sha256);
      } finally {
        await served.close();
      }
    });
  });
}

integrityScenario('embedded', freshEmbedded);
integrityScenario('mongo (FerretDB)', freshMongo);

after(removeEmbeddedDirs);
