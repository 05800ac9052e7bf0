/**
 * Users and credentials for tests, made through the real access code: a user of a role with a
 * password hashed at a cheap scrypt cost (the format is the same; only N is smaller), an API token
 * and a logged-in browser session (cookie + CSRF token).
 */
import { issueApiToken, startSession } from '../../server/access/credentials.js';
import { hashPassword } from '../../server/access/passwords.js';
import type { Role, User } from '../../server/store/models/user.js';
import type { Store } from '../../server/store/store.js';

export const TEST_COST = { ln: 10, r: 8, p: 1 } as const;

export interface SeededUser {
  readonly user: User;
  readonly password: string;
  /** An API token: send as { authorization: `Bearer ${token}` }. */
  readonly token: string;
  /** Headers that authenticate a fetch with the token. */
  readonly headers: Readonly<Record<string, string>>;
  /** A browser session: the Cookie header value and the CSRF token its forms must carry. */
  readonly cookie: string;
  readonly csrf: string;
}

let counter = 0;

export async function seedUser(
  store: Store,
  role: Role,
  options: { readonly login?: string; readonly unitScope?: readonly string[] | null } = {},
): Promise<SeededUser> {
  counter += 1;
  const login = options.login ?? `${role}${counter}`;
  const password = `pw-${login}-long-enough`;
  const user = await store.users.create({
    login,
    displayName: `${role} ${counter}`,
    role,
    unitScope: options.unitScope ?? null,
    passwordHash: await hashPassword(password, TEST_COST),
  });
  const token = await issueApiToken(store, user, 'tests');
  const session = await startSession(store, user);
  return {
    user,
    password,
    token: token.secret,
    headers: { authorization: `Bearer ${token.secret}` },
    cookie: `zhili_session=${session.secret}`,
    csrf: session.session.csrfToken ?? '',
  };
}
