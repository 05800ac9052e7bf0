/**
 * Issuing and resolving credentials. A browser session slides: each use within the idle limit
 * extends it, up to an absolute limit from login. API tokens live for a fixed number of days and
 * start with "zl_" so that a leaked one is easy to spot and revoke.
 */
import type { Session } from '../store/models/session.js';
import type { User } from '../store/models/user.js';
import type { Store } from '../store/store.js';
import { newSecret, secretHash } from './secrets.js';

export const SESSION_IDLE_MS = 8 * 3600_000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3600_000;
export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 366;
export const TOKEN_PREFIX = 'zl_';
/** Writing lastUsedAt on every request would turn reads into writes; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

export interface Issued {
  /** The secret the client keeps (cookie value or bearer token); shown once, never stored. */
  readonly secret: string;
  readonly session: Session;
}

/** What a valid credential resolves to: the active user and the credential itself. */
export interface Principal {
  readonly user: User;
  readonly credential: Session;
}

export async function startSession(store: Store, user: User, now = Date.now()): Promise<Issued> {
  const secret = newSecret();
  const session = await store.sessions.create({
    kind: 'session',
    userId: user.id,
    tokenHash: secretHash(secret),
    csrfToken: newSecret(),
    expiresAt: new Date(now + SESSION_IDLE_MS).toISOString(),
  });
  return { secret, session };
}

export async function issueApiToken(
  store: Store,
  user: User,
  label: string,
  days: number = TOKEN_DEFAULT_DAYS,
  now = Date.now(),
): Promise<Issued> {
  const secret = newSecret(TOKEN_PREFIX);
  const lifetime = Math.min(Math.max(days, 1), TOKEN_MAX_DAYS);
  const session = await store.sessions.create({
    kind: 'token',
    userId: user.id,
    tokenHash: secretHash(secret),
    label,
    expiresAt: new Date(now + lifetime * 24 * 3600_000).toISOString(),
  });
  return { secret, session };
}

/**
 * The user behind a secret, or undefined when the secret is unknown, expired, revoked, or its user
 * is disabled or gone. Sessions past the absolute limit are revoked here.
 */
export async function resolveCredential(
  store: Store,
  secret: string,
  now = Date.now(),
): Promise<Principal | undefined> {
  if (secret.length < 20 || secret.length > 200) return undefined;
  const credential = await store.sessions.findActive(secretHash(secret), new Date(now).toISOString());
  if (credential === undefined) return undefined;
  if (credential.kind === 'session' && now - Date.parse(credential.createdAt) > SESSION_ABSOLUTE_MS) {
    await store.sessions.revoke(credential.id);
    return undefined;
  }
  const user = await store.users.get(credential.userId);
  if (user === undefined || user.disabled) return undefined;
  if (now - Date.parse(credential.lastUsedAt) > TOUCH_EVERY_MS) {
    const lastUsedAt = new Date(now).toISOString();
    const slide =
      credential.kind === 'session' ? { expiresAt: new Date(now + SESSION_IDLE_MS).toISOString() } : {};
    await store.sessions.touch(credential.id, { lastUsedAt, ...slide });
  }
  return { user, credential };
}
