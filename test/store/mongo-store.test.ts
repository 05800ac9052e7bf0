import { expect } from 'chai';
import { MongoStore } from '../../server/store/mongo/mongo-store.js';
import { StoreUnavailableError } from '../../server/errors.js';
import { storeContract } from '../contract/store-contract.js';
import { freshMongo } from '../support/store-location.js';

storeContract('mongo', freshMongo);

const start = {
  kind: 'observations',
  actor: 't',
  fileName: 'a.csv',
  sha256: 'f'.repeat(64),
  period: '2025',
  periods: ['2025'],
};

describe('MongoStore', () => {
  it('fails to open with StoreUnavailableError when nothing listens at the URI', async () => {
    let caught: unknown;
    try {
      await MongoStore.open('mongodb://127.0.0.1:1/zhili', { serverSelectionTimeoutMS: 500 });
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(StoreUnavailableError);
    expect((caught as Error).message).to.match(/cannot connect to MongoDB/);
  });

  it('leaves alone a pending import of a live process that shares the server', async function () {
    const location = await freshMongo(this);
    if (location.kind !== 'mongo') throw new Error('expected a mongo location');
    const importer = await MongoStore.open(location.uri);
    const other = await MongoStore.open(location.uri);
    try {
      const batch = await importer.imports.begin(start);
      expect(await other.recoverInterruptedImports()).to.deep.equal([]);
      expect((await other.imports.get(batch.id))?.status).to.equal('pending');
      await importer.imports.fail(batch.id, { reason: 'test over' });
    } finally {
      await importer.close();
      await other.close();
    }
  });

  it('fails a pending import that showed no sign of life for longer than allowed', async function () {
    const location = await freshMongo(this);
    if (location.kind !== 'mongo') throw new Error('expected a mongo location');
    const importer = await MongoStore.open(location.uri);
    const batch = await importer.imports.begin(start);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const strict = await MongoStore.open(location.uri, { staleImportAfterMs: 10 });
    try {
      expect((await strict.imports.get(batch.id))?.status).to.equal('failed');
    } finally {
      await strict.close();
      await importer.close();
    }
  });
});
