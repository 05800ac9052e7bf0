/**
 * The `users …` commands through the running server's user and token API, printing what the
 * direct path prints: add (POST /users), list (GET /users), the changes (PATCH /users/:id), and
 * a user's API tokens (POST /users/:id/tokens, GET /tokens?user=, DELETE /tokens/:id). A login is
 * found case-insensitively, as the store finds it.
 *
 * @example await changeUserThroughApi(server, io, 'zhao', { disabled: true }, 'disabled; sessions and tokens revoked')
 */
import type { NewUserRequest, PublicUser, UserChange } from '../../../server/access/user-admin.js';
import { CliError } from '../cli-error.js';
import { say, type CliIo } from '../cli-io.js';
import { tokensTable, usersTable } from '../users-table.js';
import { asNewToken, asTokens, asUsersPage, type TokenAnswer } from './answers.js';
import type { ServerApi } from './server-api.js';

function allUsers(server: ServerApi): Promise<PublicUser[]> {
  return server.all('/users', asUsersPage);
}

async function userByLogin(server: ServerApi, login: string): Promise<PublicUser> {
  const user = (await allUsers(server)).find((u) => u.login.toLowerCase() === login.toLowerCase());
  if (user === undefined) throw new CliError(`no user with the login ${login}`);
  return user;
}

async function tokensOf(server: ServerApi, user: PublicUser): Promise<readonly TokenAnswer[]> {
  return asTokens(await server.call('GET', `/tokens?user=${encodeURIComponent(user.id)}`)).items;
}

export async function addUserThroughApi(
  server: ServerApi,
  io: CliIo,
  request: NewUserRequest,
): Promise<void> {
  await server.call('POST', '/users', { json: request });
  const scope = request.unitScope ?? null;
  say(
    io.stdout,
    `created ${request.login} (${request.role}${scope === null ? '' : `, units ${scope.join(',')}`})`,
  );
}

export async function listUsersThroughApi(server: ServerApi, io: CliIo, json: boolean): Promise<void> {
  const list = await allUsers(server);
  say(io.stdout, json ? JSON.stringify(list, null, 2) : usersTable(list));
}

export async function changeUserThroughApi(
  server: ServerApi,
  io: CliIo,
  login: string,
  change: UserChange,
  done: string,
): Promise<void> {
  const user = await userByLogin(server, login);
  await server.call('PATCH', `/users/${encodeURIComponent(user.id)}`, { json: change });
  say(io.stdout, `${user.login}: ${done}`);
}

export async function issueTokenThroughApi(
  server: ServerApi,
  io: CliIo,
  login: string,
  label: string,
  days: number,
): Promise<void> {
  const user = await userByLogin(server, login);
  if (user.disabled) throw new CliError(`${user.login} is disabled: enable them before issuing a token`);
  const issued = asNewToken(
    await server.call('POST', `/users/${encodeURIComponent(user.id)}/tokens`, { json: { label, days } }),
  );
  say(io.stdout, issued.secret);
  say(
    io.stderr,
    `token ${issued.token.id} for ${user.login}, valid until ${issued.token.expiresAt}; it is shown only this once`,
  );
}

export async function listTokensThroughApi(
  server: ServerApi,
  io: CliIo,
  login: string,
  json: boolean,
): Promise<void> {
  const tokens = await tokensOf(server, await userByLogin(server, login));
  const shown = tokens.map(({ id, label, createdAt, lastUsedAt, expiresAt }) => ({
    id,
    label,
    createdAt,
    lastUsedAt,
    expiresAt,
  }));
  say(io.stdout, json ? JSON.stringify(shown, null, 2) : tokensTable(shown));
}

/** Revokes an API token; a browser session ends over the API only when its user is disabled or gets a new password. */
export async function revokeThroughApi(server: ServerApi, io: CliIo, id: string): Promise<void> {
  for (const user of await allUsers(server)) {
    if (!(await tokensOf(server, user)).some((token) => token.id === id)) continue;
    await server.call('DELETE', `/tokens/${encodeURIComponent(id)}`);
    say(io.stdout, `revoked token ${id} of ${user.login}`);
    return;
  }
  throw new CliError(
    `TOKEN_ID: no active API token ${id}; while the server runs, end a browser session by disabling its user or setting a new password`,
  );
}
