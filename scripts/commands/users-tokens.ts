/**
 * `users token LOGIN --label L [--days N]`, `users tokens LOGIN` and `users revoke TOKEN_ID`: API
 * tokens for scripts. A new token is printed once, alone on stdout (so it can be captured); only
 * its hash is stored. Creating and revoking are audited (token.create, token.revoke).
 *
 * @example TOKEN=$(npm run --silent zhili -- users token wang --label "nightly import" --days 30)
 */
import type { Command } from 'commander';
import { NotFoundError } from '../../server/errors.js';
import { createApiToken, revokeAnyCredential, tokensOf } from '../../server/services/api-tokens.js';
import { cliActor } from '../../server/services/actor.js';
import { TOKEN_DEFAULT_DAYS } from '../../server/access/credentials.js';
import { userByLogin } from '../../server/access/user-admin.js';
import { CliError } from './cli-error.js';
import { say, type CliIo } from './cli-io.js';
import { inStore } from './in-store.js';
import { daysOption, labelOption } from './users-options.js';
import { tokensTable } from './users-table.js';
import { serverHoldingStore } from './remote/held-store.js';
import { issueTokenThroughApi, listTokensThroughApi, revokeThroughApi } from './remote/users-through-api.js';

export function registerUserTokens(users: Command, io: CliIo): void {
  users
    .command('token')
    .description('create an API token for a user and print it once')
    .argument('<login>')
    .requiredOption('--label <label>', 'what the token is for, e.g. "nightly import"')
    .option('--days <days>', `how long it stays valid (default ${TOKEN_DEFAULT_DAYS})`)
    .action(async (login: string, options: { label: string; days?: string }) => {
      const label = labelOption(options.label);
      const days = daysOption(options.days, TOKEN_DEFAULT_DAYS);
      const server = await serverHoldingStore(cliActor().name, io.stderr);
      if (server !== undefined) return issueTokenThroughApi(server, io, login, label, days);
      await inStore(async (store) => {
        const user = await userByLogin(store, login);
        if (user.disabled)
          throw new CliError(`${user.login} is disabled: enable them before issuing a token`);
        const { secret, session } = await createApiToken({ store }, cliActor(), user, label, days);
        say(io.stdout, secret);
        say(
          io.stderr,
          `token ${session.id} for ${user.login}, valid until ${session.expiresAt}; it is shown only this once`,
        );
      });
    });

  users
    .command('tokens')
    .description("list a user's active API tokens (never the tokens themselves)")
    .argument('<login>')
    .option('--json', 'print JSON')
    .action(async (login: string, options: { json?: boolean }) => {
      const server = await serverHoldingStore(cliActor().name, io.stderr);
      if (server !== undefined) return listTokensThroughApi(server, io, login, options.json === true);
      await inStore(async (store) => {
        const user = await userByLogin(store, login);
        const tokens = await tokensOf({ store }, cliActor(), user.id);
        const shown = tokens.map(({ id, label, createdAt, lastUsedAt, expiresAt }) => ({
          id,
          label,
          createdAt,
          lastUsedAt,
          expiresAt,
        }));
        say(io.stdout, options.json === true ? JSON.stringify(shown, null, 2) : tokensTable(tokens));
      });
    });

  users
    .command('revoke')
    .description('revoke an API token (or a browser session) by its id')
    .argument('<id>', 'the id `users tokens` shows, e.g. tok_…')
    .action(async (id: string) => {
      const server = await serverHoldingStore(cliActor().name, io.stderr);
      if (server !== undefined) return revokeThroughApi(server, io, id);
      await inStore(async (store) => {
        const { credential, owner } = await revokeAnyCredential({ store }, cliActor(), id).catch(
          (error: unknown) => {
            if (error instanceof NotFoundError)
              throw new CliError(`TOKEN_ID: no active token or session ${id}`);
            throw error;
          },
        );
        say(io.stdout, `revoked ${credential.kind} ${id}${owner === undefined ? '' : ` of ${owner.login}`}`);
      });
    });
}
