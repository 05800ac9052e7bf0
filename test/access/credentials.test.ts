import { expect } from 'chai';
import {
  issueApiToken,
  resolveCredential,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  startSession,
} from '../../server/access/credentials.js';
import { secretHash } from '../../server/access/secrets.js';
import type { User } from '../../server/store/models/user.js';
import type { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('credentials', () => {
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;
  let user: User;

  beforeEach(async () => {
    ({ store, dispose } = await tempEmbeddedStore());
    user = await store.users.create({ login: 'li', displayName: '李', role: 'evaluator' });
  });
  afterEach(async () => {
    await dispose();
  });

  it('keeps only the hash of a session secret, and resolves the secret to its user', async () => {
    const { secret, session } = await startSession(store, user);
    expect(session.tokenHash).to.equal(secretHash(secret));
    expect(JSON.stringify(await store.sessions.list())).not.to.include(secret);
    const principal = await resolveCredential(store, secret);
    expect(principal?.user.login).to.equal('li');
    expect(principal?.credential.id).to.equal(session.id);
  });

  it('gives a session its own CSRF token and an idle limit of 8 hours', async () => {
    const now = Date.now();
    const { session } = await startSession(store, user, now);
    expect(session.csrfToken).to.be.a('string').with.length.greaterThan(20);
    expect(Date.parse(session.expiresAt) - now).to.equal(8 * HOUR);
    expect(SESSION_IDLE_MS).to.equal(8 * HOUR);
  });

  it('ends a session left unused for more than 8 hours', async () => {
    const now = Date.now();
    const { secret } = await startSession(store, user, now);
    expect(await resolveCredential(store, secret, now + 8 * HOUR + 1000)).to.equal(undefined);
  });

  it('slides a session that is used: used after 7 hours, it is still valid 14 hours after login', async () => {
    const now = Date.now();
    const { secret, session } = await startSession(store, user, now);
    expect(await resolveCredential(store, secret, now + 7 * HOUR)).not.to.equal(undefined);
    const [slid] = await store.sessions.list({ userId: user.id });
    expect(Date.parse(slid?.expiresAt ?? '')).to.equal(now + 15 * HOUR);
    expect(slid?.id).to.equal(session.id);
    expect(await resolveCredential(store, secret, now + 14 * HOUR)).not.to.equal(undefined);
  });

  it('ends a session 7 days after login however often it is used, and revokes it', async () => {
    const now = Date.now();
    const { secret } = await startSession(store, user, now);
    for (let at = now + 6 * HOUR; at < now + SESSION_ABSOLUTE_MS; at += 6 * HOUR) {
      expect(await resolveCredential(store, secret, at), `at ${(at - now) / HOUR} h`).not.to.equal(undefined);
    }
    // Last used at 6 d 18 h, so the idle limit alone would keep it until 7 d 2 h.
    expect(await resolveCredential(store, secret, now + 7 * DAY + HOUR)).to.equal(undefined);
    expect(await store.sessions.list({ userId: user.id })).to.deep.equal([]);
  });

  it('does not write on every request: a second use within a minute leaves lastUsedAt alone', async () => {
    const now = Date.now();
    const { secret } = await startSession(store, user, now);
    await resolveCredential(store, secret, now + 2 * 60_000);
    const [first] = await store.sessions.list();
    await resolveCredential(store, secret, now + 2 * 60_000 + 30_000);
    const [second] = await store.sessions.list();
    expect(second?.lastUsedAt).to.equal(first?.lastUsedAt);
    expect(first?.lastUsedAt).to.equal(new Date(now + 2 * 60_000).toISOString());
  });

  it('resolves nothing for a disabled user, with a session or a token', async () => {
    const session = await startSession(store, user);
    const token = await issueApiToken(store, user, 'nightly');
    await store.users.update(user.id, { disabled: true });
    expect(await resolveCredential(store, session.secret)).to.equal(undefined);
    expect(await resolveCredential(store, token.secret)).to.equal(undefined);
  });

  it('issues API tokens starting with zl_ that resolve until revoked', async () => {
    const { secret, session } = await issueApiToken(store, user, 'nightly import');
    expect(secret).to.match(/^zl_[A-Za-z0-9_-]{43}$/);
    expect(session).to.include({ kind: 'token', label: 'nightly import', csrfToken: null });
    expect((await resolveCredential(store, secret))?.user.id).to.equal(user.id);
    await store.sessions.revoke(session.id);
    expect(await resolveCredential(store, secret)).to.equal(undefined);
  });

  it('gives a token 90 days by default and never more than 366', async () => {
    const now = Date.now();
    const standard = await issueApiToken(store, user, 'a', undefined, now);
    const long = await issueApiToken(store, user, 'b', 5000, now);
    expect(Date.parse(standard.session.expiresAt) - now).to.equal(90 * DAY);
    expect(Date.parse(long.session.expiresAt) - now).to.equal(366 * DAY);
  });

  it('does not slide a token: its expiry stays where it was issued', async () => {
    const now = Date.now();
    const { secret, session } = await issueApiToken(store, user, 'a', 1, now);
    await resolveCredential(store, secret, now + 12 * HOUR);
    const [after] = await store.sessions.list();
    expect(after?.expiresAt).to.equal(session.expiresAt);
    expect(await resolveCredential(store, secret, now + DAY + 1000)).to.equal(undefined);
  });

  it('resolves nothing for unknown, too short or too long secrets', async () => {
    expect(await resolveCredential(store, 'zl_unknownButLongEnoughSecret0000000')).to.equal(undefined);
    expect(await resolveCredential(store, 'short')).to.equal(undefined);
    expect(await resolveCredential(store, 'x'.repeat(201))).to.equal(undefined);
  });
});
