/**
 * The token use cases: a user issues and revokes their own API tokens; those of others need
 * users.manage. Both are audited without the secret.
 */
import { expect } from 'chai';
import { ForbiddenError, NotFoundError } from '../../server/errors.js';
import type { Actor } from '../../server/services/actor.js';
import { createApiToken, revokeCredential, revokeToken, tokensOf } from '../../server/services/api-tokens.js';
import { seedUser, type SeededUser } from '../support/auth.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

describe('API tokens (use cases)', () => {
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let zhao: SeededUser;
  let qian: SeededUser;
  const actorOf = (seeded: SeededUser): Actor => ({
    name: seeded.user.login,
    role: seeded.user.role,
    userId: seeded.user.id,
  });

  before(async () => {
    temp = await tempEmbeddedStore();
    zhao = await seedUser(temp.store, 'evaluator');
    qian = await seedUser(temp.store, 'evaluator');
  });
  after(async () => {
    await temp.dispose();
  });

  it('issues a token to its owner and audits token.create without the secret', async () => {
    const issued = await createApiToken(temp, actorOf(zhao), zhao.user, 'nightly import', 30);
    const [event] = await temp.store.audit.list({ target: issued.session.id });
    expect([event!.action, event!.actor]).to.deep.equal(['token.create', zhao.user.login]);
    expect(JSON.stringify(event!.detail)).to.not.include(issued.secret);
  });

  it('refuses issuing a token for another user without users.manage', async () => {
    const error = await createApiToken(temp, actorOf(zhao), qian.user, 'theirs').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ForbiddenError);
  });

  it("refuses revoking another user's token without users.manage; the token stays active", async () => {
    const [token] = await temp.store.sessions.list({ userId: qian.user.id, kind: 'token' });
    const error = await revokeCredential(temp, actorOf(zhao), token!).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ForbiddenError);
    expect(
      (await temp.store.sessions.list({ userId: qian.user.id, kind: 'token' })).map((t) => t.id),
    ).to.include(token!.id);
  });

  it('lets the owner revoke their token, audited as token.revoke', async () => {
    const issued = await createApiToken(temp, actorOf(qian), qian.user, 'short-lived', 1);
    await revokeCredential(temp, actorOf(qian), issued.session);
    const actions = (await temp.store.audit.list({ target: issued.session.id })).map((e) => e.action);
    expect(actions.sort()).to.deep.equal(['token.create', 'token.revoke']);
  });

  it("lists one's own tokens, and another user's only with users.manage", async () => {
    expect(
      (await tokensOf(temp, actorOf(zhao), zhao.user.id)).every((t) => t.userId === zhao.user.id),
    ).to.equal(true);
    const error = await tokensOf(temp, actorOf(zhao), qian.user.id).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ForbiddenError);
    const admin: Actor = { name: 'root', role: 'admin', userId: 'usr_root' };
    expect((await tokensOf(temp, admin, qian.user.id)).length).to.be.greaterThan(0);
  });

  it("answers NotFoundError when someone revokes another user's token by id; an admin may", async () => {
    const [token] = await temp.store.sessions.list({ userId: qian.user.id, kind: 'token' });
    const error = await revokeToken(temp, actorOf(zhao), token!.id).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NotFoundError);
    await revokeToken(temp, { name: 'root', role: 'admin', userId: 'usr_root' }, token!.id);
    expect((await temp.store.sessions.list({ kind: 'token' })).map((t) => t.id)).to.not.include(token!.id);
  });
});
