/**
 * The Store contract: one suite that every adapter must pass (DESIGN.md, "Storage").
 * Call it from a test file with a factory that opens a fresh, empty store.
 */
import { expect } from 'chai';
import type { Store } from '../../server/store/store.js';
import { ValidationError } from '../../server/errors.js';

export function storeContract(name: string, open: (context: Mocha.Context) => Promise<Store>): void {
  describe(`Store contract: ${name}`, function () {
    let store: Store;

    before(async function () {
      store = await open(this);
    });

    after(async () => {
      await store.close();
    });

    it('answers a ping with its kind and ok', async () => {
      const health = await store.ping();
      expect(health.kind).to.equal(store.kind);
      expect(health.status).to.equal('ok');
      expect(health.latencyMs).to.be.at.least(0);
    });

    it('returns undefined for a setting never written', async () => {
      expect(await store.getSetting('neverWritten')).to.equal(undefined);
    });

    it('reads back a nested setting exactly as written', async () => {
      const value = { name: '治理', list: [1, 2.5, 'три'], nested: { ok: true, none: null } };
      await store.putSetting('roundTrip', value);
      expect(await store.getSetting('roundTrip')).to.deep.equal(value);
    });

    it('overwrites a setting on a second write', async () => {
      await store.putSetting('overwrite', 1);
      await store.putSetting('overwrite', 2);
      expect(await store.getSetting('overwrite')).to.equal(2);
    });

    it('rejects a setting key that is not a plain identifier', async () => {
      let caught: unknown;
      try {
        await store.putSetting('$where', 1);
      } catch (error) {
        caught = error;
      }
      expect(caught).to.be.instanceOf(ValidationError);
    });
  });
}
