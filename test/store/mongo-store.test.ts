import { expect } from 'chai';
import { MongoStore } from '../../server/store/mongo/mongo-store.js';
import { StoreUnavailableError } from '../../server/errors.js';
import { storeContract } from '../contract/store-contract.js';
import { freshMongo } from '../support/store-location.js';

storeContract('mongo', freshMongo);

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
});
