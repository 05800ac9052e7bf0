import { expect } from 'chai';
import { pino } from 'pino';
import { purgeExpiredCredentials } from '../../server/access/purge-credentials.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

describe('purging expired credentials', () => {
  it('removes expired sessions and tokens at once and keeps live ones', async () => {
    const { store, dispose } = await tempEmbeddedStore();
    try {
      const past = new Date(Date.now() - 60_000).toISOString();
      const future = new Date(Date.now() + 3_600_000).toISOString();
      await store.sessions.create({
        kind: 'session',
        userId: 'usr_1',
        tokenHash: '1'.repeat(64),
        expiresAt: past,
      });
      await store.sessions.create({
        kind: 'token',
        userId: 'usr_1',
        tokenHash: '2'.repeat(64),
        expiresAt: past,
      });
      const live = await store.sessions.create({
        kind: 'token',
        userId: 'usr_1',
        tokenHash: '3'.repeat(64),
        expiresAt: future,
      });
      const stop = await purgeExpiredCredentials(store, pino({ level: 'silent' }));
      stop();
      expect(await store.sessions.purgeExpired(new Date(Date.now() - 1000).toISOString())).to.equal(0);
      expect((await store.sessions.list({ userId: 'usr_1' })).map((s) => s.id)).to.deep.equal([live.id]);
      expect(await store.sessions.purgeExpired(new Date(Date.now() + 7_200_000).toISOString())).to.equal(1);
    } finally {
      await dispose();
    }
  });
});
