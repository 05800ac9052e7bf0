/**
 * Logging out is one use case for the page and the API: the session ends and one "logout" event
 * names it; an API token cannot log out (it is revoked instead) and stays valid.
 */
import { expect } from 'chai';
import { ValidationError } from '../../server/errors.js';
import { logOut } from '../../server/services/log-out.js';
import { seedUser, type SeededUser } from '../support/auth.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

describe('log out (use case)', () => {
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let user: SeededUser;
  before(async () => {
    temp = await tempEmbeddedStore();
    user = await seedUser(temp.store, 'viewer');
  });
  after(async () => {
    await temp.dispose();
  });

  it('refuses an API token, which stays active', async () => {
    const [token] = await temp.store.sessions.list({ userId: user.user.id, kind: 'token' });
    const error = await logOut(temp, { user: user.user, credential: token! }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ValidationError);
    expect((await temp.store.sessions.list({ kind: 'token' })).map((s) => s.id)).to.include(token!.id);
  });

  it('ends the session and audits one logout naming it', async () => {
    const [session] = await temp.store.sessions.list({ userId: user.user.id, kind: 'session' });
    await logOut(temp, { user: user.user, credential: session! });
    expect(await temp.store.sessions.list({ kind: 'session' })).to.deep.equal([]);
    const events = await temp.store.audit.list({ action: 'logout' });
    expect(events.map((e) => [e.actor, e.target, e.detail])).to.deep.equal([
      [user.user.login, user.user.id, { session: session!.id }],
    ]);
  });
});
