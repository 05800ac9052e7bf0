/**
 * Store contract, users and audit events (used by the access issue).
 */
import { expect } from 'chai';
import { ConflictError, NotFoundError, ValidationError } from '../../server/errors.js';
import type { NewAuditEvent } from '../../server/store/models/audit-event.js';
import type { FreshLocation } from '../support/store-location.js';
import { pathsOf, rejection, storePerSuite } from './contract-helpers.js';

export function usersAuditContract(fresh: FreshLocation): void {
  describe('users', () => {
    const store = storePerSuite(fresh);

    it('creates a user with defaults and finds it by login whatever the case', async () => {
      const created = await store
        .current()
        .users.create({ login: 'Wang.Li', displayName: '王力', role: 'evaluator' });
      expect(created).to.deep.include({
        login: 'Wang.Li',
        role: 'evaluator',
        unitScope: null,
        passwordHash: null,
        disabled: false,
      });
      expect((await store.current().users.findByLogin('wang.li'))?.id).to.equal(created.id);
      expect((await store.current().users.get(created.id))?.displayName).to.equal('王力');
    });

    it('refuses a login that differs only in case', async () => {
      const error = await rejection(
        store.current().users.create({ login: 'WANG.LI', displayName: 'x', role: 'viewer' }),
      );
      expect(error).to.be.instanceOf(ConflictError);
    });

    it('updates role, scope, password hash and the disabled flag', async () => {
      const user = await store.current().users.create({ login: 'zhao', displayName: '赵', role: 'viewer' });
      const updated = await store.current().users.update(user.id, {
        role: 'researcher',
        unitScope: ['420102'],
        passwordHash: 'scrypt$abc',
        disabled: true,
      });
      expect(updated).to.deep.include({ role: 'researcher', passwordHash: 'scrypt$abc', disabled: true });
      expect(updated.unitScope).to.deep.equal(['420102']);
      expect(updated.updatedAt >= user.updatedAt).to.equal(true);
    });

    it('rejects an unknown role and an unknown field', async () => {
      const users = store.current().users;
      const badRole = await rejection(users.create({ login: 'x1', displayName: 'x', role: 'root' }));
      expect(pathsOf(badRole)).to.deep.equal(['user/role']);
      const user = await users.create({ login: 'x2', displayName: 'x', role: 'viewer' });
      expect(await rejection(users.update(user.id, { login: 'other' }))).to.be.instanceOf(ValidationError);
    });

    it('reports an unknown user on update', async () => {
      expect(await rejection(store.current().users.update('usr_none', { disabled: true }))).to.be.instanceOf(
        NotFoundError,
      );
    });

    it('lists users by login', async () => {
      const logins = (await store.current().users.list()).map((u) => u.login.toLowerCase());
      expect(logins).to.deep.equal([...logins].sort());
      expect(logins).to.include.members(['wang.li', 'zhao']);
    });
  });

  describe('audit events', () => {
    const store = storePerSuite(fresh);

    it('appends events and lists them newest first with their detail', async () => {
      const audit = store.current().audit;
      await audit.append({
        actor: 'lead',
        action: 'import.commit',
        target: 'imp_1',
        at: '2025-01-01T08:00:00Z',
      });
      await audit.append({
        actor: 'lead',
        action: 'evaluation.publish',
        target: 'ev1',
        at: '2025-01-02T08:00:00Z',
        detail: { weights: [[1, 2]], note: '发布' },
      });
      const events = await audit.list();
      expect(events.map((e) => e.action)).to.deep.equal(['evaluation.publish', 'import.commit']);
      expect(events[0]?.detail).to.deep.equal({ weights: [[1, 2]], note: '发布' });
      expect(events[1]?.detail).to.equal(null);
      expect(events[0]?.at).to.equal('2025-01-02T08:00:00.000Z');
    });

    it('filters by actor, action and time', async () => {
      const audit = store.current().audit;
      await audit.append({
        actor: 'other',
        action: 'user.disable',
        target: 'usr_9',
        at: '2025-01-03T08:00:00Z',
      });
      expect((await audit.list({ actor: 'other' })).map((e) => e.target)).to.deep.equal(['usr_9']);
      expect((await audit.list({ action: 'import.commit' })).map((e) => e.target)).to.deep.equal(['imp_1']);
      const window = await audit.list({ since: '2025-01-02T00:00:00Z', until: '2025-01-03T00:00:00Z' });
      expect(window.map((e) => e.target)).to.deep.equal(['ev1']);
    });

    it('rejects a detail with a "." key, naming its path', async () => {
      const error = await rejection(
        store.current().audit.append({ actor: 'a', action: 'logout', detail: { 'a.b': 1 } }),
      );
      expect(pathsOf(error)).to.deep.equal(['audit event/detail/a.b']);
    });

    it('refuses an action outside the typed list of audit actions', async () => {
      const error = await rejection(
        store.current().audit.append({ actor: 'a', action: 'x.y' } as unknown as NewAuditEvent),
      );
      expect(pathsOf(error)).to.deep.equal(['audit event/action']);
    });
  });

  describe('sessions and API tokens', () => {
    const store = storePerSuite(fresh);
    const hashA = 'a'.repeat(64);
    const hashB = 'b'.repeat(64);
    const later = new Date(Date.now() + 3_600_000).toISOString();

    it('finds an active session by the hash of its secret, with its CSRF token', async () => {
      const sessions = store.current().sessions;
      const created = await sessions.create({
        kind: 'session',
        userId: 'usr_1',
        tokenHash: hashA,
        csrfToken: 'c'.repeat(32),
        expiresAt: later,
      });
      const found = await sessions.findActive(hashA);
      expect(found?.id).to.equal(created.id);
      expect(found).to.deep.include({ kind: 'session', csrfToken: 'c'.repeat(32), revokedAt: null });
      expect(await sessions.findActive('f'.repeat(64))).to.equal(undefined);
    });

    it('never returns an expired or a revoked credential as active', async () => {
      const sessions = store.current().sessions;
      const token = await sessions.create({
        kind: 'token',
        userId: 'usr_1',
        tokenHash: hashB,
        label: 'cron',
        expiresAt: later,
      });
      expect(await sessions.findActive(hashB, new Date(Date.now() + 7_200_000).toISOString())).to.equal(
        undefined,
      );
      await sessions.revoke(token.id);
      expect(await sessions.findActive(hashB)).to.equal(undefined);
      expect(await rejection(sessions.revoke(token.id))).to.be.instanceOf(NotFoundError);
    });

    it('refuses a second credential with the same secret hash', async () => {
      const error = await rejection(
        store
          .current()
          .sessions.create({ kind: 'token', userId: 'usr_2', tokenHash: hashA, expiresAt: later }),
      );
      expect(error).to.not.equal(undefined);
    });

    it('revokes every credential of a user and lists only active ones', async () => {
      const sessions = store.current().sessions;
      await sessions.create({ kind: 'token', userId: 'usr_3', tokenHash: 'c'.repeat(64), expiresAt: later });
      await sessions.create({
        kind: 'session',
        userId: 'usr_3',
        tokenHash: 'd'.repeat(64),
        expiresAt: later,
      });
      expect((await sessions.list({ userId: 'usr_3', kind: 'token' })).length).to.equal(1);
      expect(await sessions.revokeAll('usr_3')).to.equal(2);
      expect(await sessions.list({ userId: 'usr_3' })).to.deep.equal([]);
    });

    it('touches a session and purges expired ones', async () => {
      const sessions = store.current().sessions;
      const soon = new Date(Date.now() + 1000).toISOString();
      const s = await sessions.create({
        kind: 'session',
        userId: 'usr_4',
        tokenHash: 'e'.repeat(64),
        expiresAt: soon,
      });
      await sessions.touch(s.id, { lastUsedAt: s.createdAt, expiresAt: later });
      expect(
        (await sessions.findActive('e'.repeat(64), new Date(Date.now() + 5000).toISOString()))?.expiresAt,
      ).to.equal(later);
      const purged = await sessions.purgeExpired(new Date(Date.now() + 86_400_000).toISOString());
      expect(purged).to.be.greaterThan(0);
      expect(await sessions.findActive('e'.repeat(64))).to.equal(undefined);
    });
  });
}
