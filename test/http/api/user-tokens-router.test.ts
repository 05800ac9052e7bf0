import { expect } from 'chai';
import { secretHash } from '../../../server/access/secrets.js';
import { buildApp } from '../../../server/app.js';
import type { Store } from '../../../server/store/store.js';
import { appDeps } from '../../support/app-deps.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { serve, type Served } from '../../support/http.js';
import { tempEmbeddedStore } from '../../support/temp-store.js';
import { call } from './api-fixture.js';

describe('POST /api/v1/users/:id/tokens', function () {
  let served: Served;
  let store: Store;
  let dispose: () => Promise<void>;
  let admin: SeededUser;
  let zhao: SeededUser;

  before(async () => {
    const temp = await tempEmbeddedStore();
    ({ store, dispose } = temp);
    served = await serve(buildApp(await appDeps(store)));
    admin = await seedUser(store, 'admin', { login: 'admin' });
    zhao = await seedUser(store, 'evaluator', { login: 'zhao' });
  });

  after(async () => {
    await served.close();
    await dispose();
  });

  const issueFor = (user: SeededUser, as: SeededUser, json: unknown = { label: 'nightly', days: 7 }) =>
    call<{ token: { id: string; userId: string }; secret: string }>(
      `${served.url}/api/v1/users/${user.user.id}/tokens`,
      { method: 'POST', as, json },
    );

  it("lets an admin issue another user's token, stored only as a hash and audited with the admin as actor", async () => {
    const issued = await issueFor(zhao, admin);
    expect(issued.status).to.equal(201);
    expect(issued.body.token.userId).to.equal(zhao.user.id);
    const me = await call<{ user: { login: string } }>(`${served.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${issued.body.secret}` },
    });
    expect(me.body.user.login).to.equal('zhao');
    const stored = await store.sessions.list({ userId: zhao.user.id, kind: 'token' });
    expect(stored.find((s) => s.id === issued.body.token.id)?.tokenHash).to.equal(
      secretHash(issued.body.secret),
    );
    const events = await store.audit.list({ action: 'token.create', target: issued.body.token.id });
    expect(events.map((event) => event.actor)).to.deep.equal(['admin']);
  });

  it('refuses a caller without users.manage (403)', async () => {
    expect((await issueFor(admin, zhao)).status).to.equal(403);
  });

  it('refuses a disabled user (409) and a lifetime above 366 days (400)', async () => {
    const wu = await seedUser(store, 'viewer', { login: 'wu' });
    await store.users.update(wu.user.id, { disabled: true });
    expect((await issueFor(wu, admin)).status).to.equal(409);
    expect((await issueFor(zhao, admin, { label: 'long', days: 367 })).status).to.equal(400);
  });
});
