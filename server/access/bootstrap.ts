/**
 * The first admin, without a default password. While the store has no users, the server makes a
 * one-time setup secret and prints a link with it (only its hash is stored; a restart prints a new
 * one). Whoever opens the link chooses the first admin's login and password; the secret then stops
 * working. The CLI (`users add --role admin`) is the other way in, for people at the console.
 */
import { ConflictError, UnauthenticatedError } from '../errors.js';
import type { User } from '../store/models/user.js';
import type { Store } from '../store/store.js';
import { newSecret, sameSecret, secretHash } from './secrets.js';
import { createUser } from './user-admin.js';

// Setting keys are plain identifiers (no dots): see server/store/setting-key.ts.
const SETTING = 'bootstrapTokenHash';

export async function needsBootstrap(store: Store): Promise<boolean> {
  return (await store.users.list()).length === 0;
}

/** A fresh setup secret when the store has no users (replacing any earlier one); undefined otherwise. */
export async function openBootstrap(store: Store): Promise<string | undefined> {
  if (!(await needsBootstrap(store))) return undefined;
  const secret = newSecret();
  await store.putSetting(SETTING, secretHash(secret));
  return secret;
}

export async function bootstrapSecretIsValid(store: Store, secret: string): Promise<boolean> {
  const stored = await store.getSetting(SETTING);
  return (
    typeof stored === 'string' && sameSecret(secretHash(secret), stored) && (await needsBootstrap(store))
  );
}

/** Creates the first admin with the setup secret; refuses once any user exists. */
export async function completeBootstrap(
  store: Store,
  secret: string,
  admin: { readonly login: string; readonly displayName: string; readonly password: string },
): Promise<User> {
  if (!(await needsBootstrap(store))) throw new ConflictError('Zhili already has users: log in instead');
  if (!(await bootstrapSecretIsValid(store, secret))) {
    throw new UnauthenticatedError('the setup link is not valid: use the newest link the server printed');
  }
  const user = await createUser(store, 'setup', { ...admin, role: 'admin' });
  await store.putSetting(SETTING, null);
  await store.audit.append({ actor: user.login, action: 'setup.admin', target: user.id, detail: null });
  return user;
}
