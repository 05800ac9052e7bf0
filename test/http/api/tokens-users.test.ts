import { expect } from 'chai';
import { secretHash } from '../../../server/access/secrets.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { call, demoApi, type ApiFixture, type Caller } from './api-fixture.js';

interface Problem {
  code: string;
  status: number;
  detail: string;
  errors?: { where?: string; message: string }[];
}
interface PublicToken {
  id: string;
  userId: string;
  label: string;
  expiresAt: string;
}
interface PublicUser {
  id: string;
  login: string;
  role: string;
  disabled: boolean;
  hasPassword: boolean;
}

const DAY_MS = 24 * 3600_000;

describe('API tokens and user administration', function () {
  this.timeout(60_000);
  let api: ApiFixture;
  let zhao: SeededUser;
  let qian: SeededUser;

  before(async () => {
    api = await demoApi();
    zhao = await seedUser(api.store, 'evaluator', { login: 'zhao' });
    qian = await seedUser(api.store, 'researcher', { login: 'qian' });
  });

  after(async () => {
    await api.close();
  });

  async function issue(as: Caller, label: string, days?: number) {
    return call<{ token: PublicToken; secret: string }>(`${api.url}/tokens`, {
      method: 'POST',
      as,
      json: { label, ...(days === undefined ? {} : { days }) },
    });
  }

  describe('tokens', () => {
    it('issues a token whose secret is answered once and stored only as a hash', async () => {
      const before = Date.now();
      const answer = await issue(zhao, 'nightly import', 30);
      expect(answer.status).to.equal(201);
      expect(answer.body.secret).to.match(/^zl_[A-Za-z0-9_-]{43}$/);
      const expires = Date.parse(answer.body.token.expiresAt);
      expect(expires).to.be.within(before + 30 * DAY_MS - 60_000, Date.now() + 30 * DAY_MS + 60_000);
      const stored = (await api.store.sessions.list({ userId: zhao.user.id, kind: 'token' })).find(
        (t) => t.id === answer.body.token.id,
      );
      expect(stored?.tokenHash).to.equal(secretHash(answer.body.secret));
      const listed = await call<{ items: PublicToken[] }>(`${api.url}/tokens`, { as: zhao });
      expect(listed.body.items.map((t) => t.label)).to.include('nightly import');
      expect(JSON.stringify(listed.body)).not.to.include(answer.body.secret).and.not.include('tokenHash');
      const me = await call<{ user: { login: string }; credential: { kind: string } }>(`${api.url}/me`, {
        headers: { authorization: `Bearer ${answer.body.secret}` },
      });
      expect(me.body.user.login).to.equal('zhao');
      expect(me.body.credential.kind).to.equal('token');
      const audited = await api.store.audit.list({ action: 'token.create', target: answer.body.token.id });
      expect(audited[0]?.actor).to.equal('zhao');
      expect(JSON.stringify(audited[0]?.detail)).not.to.include(answer.body.secret);
    });

    it('refuses a token lifetime above 366 days (400)', async () => {
      const answer = await issue(zhao, 'forever', 1000);
      expect(answer.status).to.equal(400);
    });

    it('revokes a token: the next call with it answers 401, and the revocation is audited', async () => {
      const { body } = await issue(zhao, 'short-lived');
      const bearer = { authorization: `Bearer ${body.secret}` };
      expect((await call(`${api.url}/units?limit=1`, { headers: bearer })).status).to.equal(200);
      const revoked = await call(`${api.url}/tokens/${body.token.id}`, { method: 'DELETE', as: zhao });
      expect(revoked.status).to.equal(204);
      const after = await call<Problem>(`${api.url}/units?limit=1`, { headers: bearer });
      expect(after.status).to.equal(401);
      expect(after.body.code).to.equal('unauthenticated');
      const audited = await api.store.audit.list({ action: 'token.revoke', target: body.token.id });
      expect(audited[0]?.actor).to.equal('zhao');
    });

    it("answers 404 to someone revoking another user's token, which keeps working; an admin may revoke it", async () => {
      const { body } = await issue(zhao, 'shared script');
      const bearer = { authorization: `Bearer ${body.secret}` };
      expect(
        (await call(`${api.url}/tokens/${body.token.id}`, { method: 'DELETE', as: qian })).status,
      ).to.equal(404);
      expect((await call(`${api.url}/me`, { headers: bearer })).status).to.equal(200);
      expect((await call(`${api.url}/tokens?user=${zhao.user.id}`, { as: qian })).status).to.equal(403);
      const seen = await api.call<{ items: PublicToken[] }>(`${api.url}/tokens?user=${zhao.user.id}`);
      expect(seen.body.items.map((t) => t.id)).to.include(body.token.id);
      expect((await api.call(`${api.url}/tokens/${body.token.id}`, { method: 'DELETE' })).status).to.equal(
        204,
      );
      expect((await call(`${api.url}/me`, { headers: bearer })).status).to.equal(401);
    });
  });

  describe('users', () => {
    it('lists users without their password hashes', async () => {
      const answer = await api.call<{ items: (PublicUser & Record<string, unknown>)[] }>(`${api.url}/users`);
      expect(answer.body.items.map((u) => u.login)).to.include.members(['admin', 'zhao', 'qian']);
      expect(answer.body.items.every((u) => !('passwordHash' in u))).to.equal(true);
      expect(JSON.stringify(answer.body)).not.to.include('scrypt$');
    });

    it('creates a user who can then log in, and audits it with the admin as actor', async () => {
      const created = await api.call<PublicUser>(`${api.url}/users`, {
        method: 'POST',
        json: {
          login: 'sun',
          displayName: '孙 Sun',
          role: 'viewer',
          unitScope: ['WY02'],
          password: 'sun-long-password',
        },
      });
      expect(created.status).to.equal(201);
      expect(created.body).to.include({ login: 'sun', role: 'viewer', hasPassword: true, disabled: false });
      expect(created.body).not.to.have.property('passwordHash');
      const login = await call(`${api.url}/session`, {
        method: 'POST',
        json: { login: 'sun', password: 'sun-long-password' },
      });
      expect(login.status).to.equal(200);
      const audited = await api.store.audit.list({ action: 'user.create', target: created.body.id });
      expect(audited[0]?.actor).to.equal('admin');
      expect(JSON.stringify(audited[0]?.detail)).not.to.include('sun-long-password');
    });

    it('refuses a short password, an unknown scope unit and an unknown field (400), creating nobody', async () => {
      for (const [body, where] of [
        [{ login: 'zhou', displayName: 'Zhou', role: 'viewer', password: 'short' }, 'password'],
        [{ login: 'zhou', displayName: 'Zhou', role: 'viewer', unitScope: ['NOPE'] }, 'unitScope'],
        [{ login: 'zhou', displayName: 'Zhou', role: 'viewer', isAdmin: true }, 'body'],
      ] as const) {
        const answer = await api.call<Problem>(`${api.url}/users`, { method: 'POST', json: body });
        expect(answer.status).to.equal(400);
        expect(answer.body.errors?.[0]?.where).to.equal(where);
      }
      expect(await api.store.users.findByLogin('zhou')).to.equal(undefined);
    });

    it('changes a role and audits what changed', async () => {
      const answer = await api.call<PublicUser>(`${api.url}/users/${qian.user.id}`, {
        method: 'PATCH',
        json: { role: 'evaluator' },
      });
      expect(answer.body.role).to.equal('evaluator');
      const audited = await api.store.audit.list({ action: 'user.update', target: qian.user.id });
      expect(audited[0]?.detail).to.deep.include({ role: { from: 'researcher', to: 'evaluator' } });
    });

    it('refuses to demote the last active admin (409)', async () => {
      const answer = await api.call<Problem>(`${api.url}/users/${api.admin.user.id}`, {
        method: 'PATCH',
        json: { role: 'viewer' },
      });
      expect(answer.status).to.equal(409);
      expect((await api.store.users.get(api.admin.user.id))?.role).to.equal('admin');
    });

    it("stops a disabled user's token and session at once (401), and audits user.disable", async () => {
      const wu = await seedUser(api.store, 'evaluator', { login: 'wu' });
      expect((await call(`${api.url}/me`, { as: wu })).status).to.equal(200);
      const disabled = await api.call<PublicUser>(`${api.url}/users/${wu.user.id}`, {
        method: 'PATCH',
        json: { disabled: true },
      });
      expect(disabled.body.disabled).to.equal(true);
      expect((await call(`${api.url}/me`, { as: wu })).status).to.equal(401);
      expect((await call(`${api.url}/me`, { headers: { cookie: wu.cookie } })).status).to.equal(401);
      const audited = await api.store.audit.list({ action: 'user.disable', target: wu.user.id });
      expect(audited[0]?.actor).to.equal('admin');
    });

    it('refuses an empty change (400)', async () => {
      const answer = await api.call(`${api.url}/users/${zhao.user.id}`, { method: 'PATCH', json: {} });
      expect(answer.status).to.equal(400);
    });
  });
});
