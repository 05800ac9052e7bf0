/**
 * Checking a login and password, the same way for the login page, the API and the CLI. The
 * answer to a wrong login and to a wrong password is the same message and takes the same time
 * (an unknown login still costs one scrypt), so logins cannot be discovered by asking. Every
 * attempt goes to the audit log. A non-viewer still holding a unit scope from before scopes were
 * viewer-only has it cleared here (viewer-only-scopes.ts).
 */
import { UnauthenticatedError } from '../errors.js';
import type { User } from '../store/models/user.js';
import type { Store } from '../store/store.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { clearScopeOfNonViewer } from './viewer-only-scopes.js';

let decoyHash: Promise<string> | undefined;

export async function checkLogin(store: Store, login: string, password: string, from: string): Promise<User> {
  const user = login.length > 0 && login.length <= 100 ? await store.users.findByLogin(login) : undefined;
  decoyHash ??= hashPassword('zhili decoy password');
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  if (user === undefined || !ok || user.disabled) {
    await store.audit.append({
      actor: user?.login ?? 'anonymous',
      action: 'login.failure',
      target: user?.id ?? null,
      detail: {
        login: login.slice(0, 100),
        from,
        reason: user?.disabled === true && ok ? 'disabled' : 'wrong login or password',
      },
    });
    throw new UnauthenticatedError('the login or the password is wrong, or the account is disabled');
  }
  await store.audit.append({ actor: user.login, action: 'login.success', target: user.id, detail: { from } });
  return clearScopeOfNonViewer(store, user);
}
