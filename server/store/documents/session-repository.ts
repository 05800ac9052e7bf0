/**
 * Sessions and API tokens over the document port. Looked up by the hash of their secret (a
 * unique index); expired and revoked ones are never returned as active.
 */
import { NotFoundError } from '../../errors.js';
import { nowIso } from '../models/common.js';
import { newId } from '../models/ids.js';
import { asNewSession, type CredentialKind, type Session } from '../models/session.js';
import type { SessionQuery, SessionStore } from '../store.js';
import type { DocumentCollection, StoredDoc } from './document-database.js';

type SessionDoc = Omit<Session, 'id'> & { readonly _id: string };

function sessionOf(stored: StoredDoc): Session {
  const { _id, ...rest } = stored as unknown as SessionDoc;
  return { id: _id, ...rest };
}

export class SessionRepository implements SessionStore {
  constructor(private readonly sessions: DocumentCollection) {}

  async create(input: unknown): Promise<Session> {
    const s = asNewSession(input);
    const now = nowIso();
    const doc: SessionDoc = {
      _id: newId(s.kind === 'token' ? 'tok' : 'ses'),
      kind: s.kind,
      userId: s.userId,
      tokenHash: s.tokenHash,
      csrfToken: s.csrfToken ?? null,
      label: s.label ?? null,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(s.expiresAt).toISOString(),
      revokedAt: null,
    };
    await this.sessions.insertOne(doc);
    return sessionOf(doc);
  }

  async findActive(tokenHash: string, now = nowIso()): Promise<Session | undefined> {
    const doc = await this.sessions.findOne({ tokenHash, revokedAt: null, expiresAt: { $gt: now } });
    return doc === undefined ? undefined : sessionOf(doc);
  }

  async touch(
    id: string,
    change: { readonly lastUsedAt: string; readonly expiresAt?: string },
  ): Promise<void> {
    await this.sessions.updateOne({ _id: id }, { ...change });
  }

  async revoke(id: string): Promise<Session> {
    if (!(await this.sessions.updateOne({ _id: id, revokedAt: null }, { revokedAt: nowIso() }))) {
      throw new NotFoundError(`no active session or token ${id}`);
    }
    const doc = await this.sessions.findOne({ _id: id });
    if (doc === undefined) throw new NotFoundError(`no session or token ${id}`);
    return sessionOf(doc);
  }

  async revokeAll(userId: string, kind?: CredentialKind): Promise<number> {
    const active = await this.list({ userId, ...(kind === undefined ? {} : { kind }) });
    const revokedAt = nowIso();
    for (const session of active) await this.sessions.updateOne({ _id: session.id }, { revokedAt });
    return active.length;
  }

  async list(query: SessionQuery = {}): Promise<Session[]> {
    const filter: Record<string, unknown> = { revokedAt: null, expiresAt: { $gt: nowIso() } };
    if (query.userId !== undefined) filter.userId = query.userId;
    if (query.kind !== undefined) filter.kind = query.kind;
    return (await this.sessions.find(filter, { sort: { createdAt: -1 } })).map(sessionOf);
  }

  async purgeExpired(now = nowIso()): Promise<number> {
    return this.sessions.deleteMany({ expiresAt: { $lte: now } });
  }
}
