/**
 * `users add|list|disable|enable|role|scope|password` and the API token commands
 * (users-tokens.ts): user administration from the console, through the same access code as the
 * admin pages, so every change is checked (the last admin stays) and audited with the actor
 * "cli:<system user>". A password is never an argument: it is typed twice with echo off, or piped
 * in with --password-stdin.
 *
 * @example npm run zhili -- users add admin --role admin --name "管理员"
 * @example npm run zhili -- users scope zhao 420102,420103
 */
import type { Command } from 'commander';
import { publicUser, userByLogin, type UserChange } from '../../server/access/user-admin.js';
import { processIo, say, type CliIo } from './cli-io.js';
import { cliActor } from '../../server/services/actor.js';
import { addUser, changeUser, listUsers } from '../../server/services/manage-users.js';
import { readNewPassword } from './password-input.js';
import { registerUserTokens } from './users-tokens.js';
import { roleOption, scopeOption, switchOption } from './users-options.js';
import { usersTable } from './users-table.js';
import { inStore } from './in-store.js';
import { serverHoldingStore } from './remote/held-store.js';
import { addUserThroughApi, changeUserThroughApi, listUsersThroughApi } from './remote/users-through-api.js';

interface AddOptions {
  readonly role: string;
  readonly name?: string;
  readonly scope?: string;
  readonly passwordStdin?: boolean;
}

async function change(io: CliIo, login: string, patch: UserChange, done: string): Promise<void> {
  const server = await serverHoldingStore(cliActor().name, io.stderr);
  if (server !== undefined) return changeUserThroughApi(server, io, login, patch, done);
  await inStore(async (store) => {
    const user = await userByLogin(store, login);
    await changeUser({ store }, cliActor(), user.id, patch);
    say(io.stdout, `${user.login}: ${done}`);
  });
}

export function registerUsers(program: Command, io: CliIo = processIo()): void {
  const users = program.command('users').description('manage users, roles, unit scopes and API tokens');

  users
    .command('add')
    .description('create a user (asks for the password twice, or reads it with --password-stdin)')
    .argument('<login>', 'login name: letters, digits, ".", "_", "@" or "-"')
    .requiredOption('--role <role>', 'admin, evaluator, researcher or viewer')
    .option('--name <name>', 'display name (default: the login)')
    .option('--scope <codes>', 'viewer only sees these units and their sub-units (comma-separated codes)')
    .option('--password-stdin', 'read the password from stdin instead of asking')
    .action(async (login: string, options: AddOptions) => {
      const role = roleOption(options.role, '--role');
      const unitScope = options.scope === undefined ? null : scopeOption(options.scope, '--scope');
      const password = await readNewPassword(io, options.passwordStdin === true);
      const server = await serverHoldingStore(cliActor().name, io.stderr);
      const request = { login, displayName: options.name ?? login, role, unitScope, password };
      if (server !== undefined) return addUserThroughApi(server, io, request);
      await inStore(async (store) => {
        const user = await addUser({ store }, cliActor(), {
          login,
          displayName: options.name ?? login,
          role,
          unitScope,
          password,
        });
        say(
          io.stdout,
          `created ${user.login} (${user.role}${unitScope === null ? '' : `, units ${unitScope.join(',')}`})`,
        );
      });
    });

  users
    .command('list')
    .description('list users: login, name, role, unit scope, disabled, whether a password is set')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const server = await serverHoldingStore(cliActor().name, io.stderr);
      if (server !== undefined) return listUsersThroughApi(server, io, options.json === true);
      await inStore(async (store) => {
        const list = (await listUsers({ store }, cliActor())).map(publicUser);
        say(io.stdout, options.json === true ? JSON.stringify(list, null, 2) : usersTable(list));
      });
    });

  users
    .command('disable')
    .description('disable a user and revoke their sessions and API tokens')
    .argument('<login>')
    .action((login: string) =>
      change(io, login, { disabled: true }, 'disabled; sessions and tokens revoked'),
    );

  users
    .command('enable')
    .description('enable a disabled user')
    .argument('<login>')
    .action((login: string) => change(io, login, { disabled: false }, 'enabled'));

  users
    .command('role')
    .description("change a user's role")
    .argument('<login>')
    .argument('<role>', 'admin, evaluator, researcher or viewer')
    .action((login: string, role: string) =>
      change(io, login, { role: roleOption(role, 'ROLE') }, `role ${role}`),
    );

  users
    .command('scope')
    .description('limit a user to some units and their sub-units, or "all"')
    .argument('<login>')
    .argument('<codes>', 'comma-separated unit codes, or all')
    .action((login: string, codes: string) => {
      const unitScope = scopeOption(codes, 'CODES');
      return change(io, login, { unitScope }, `units ${unitScope === null ? 'all' : unitScope.join(',')}`);
    });

  users
    .command('self-assess')
    .description('grant (on) or withdraw (off) self-assessment: a viewer scoped to exactly one community')
    .argument('<login>')
    .argument('<on|off>', 'on or off')
    .action((login: string, value: string) => {
      const on = switchOption(value, 'ON|OFF');
      return change(io, login, { selfAssess: on }, `self-assessment ${on ? 'on' : 'off'}`);
    });

  users
    .command('password')
    .description('set a new password (their browser sessions and API tokens end)')
    .argument('<login>')
    .option('--password-stdin', 'read the password from stdin instead of asking')
    .action(async (login: string, options: { passwordStdin?: boolean }) => {
      const password = await readNewPassword(io, options.passwordStdin === true);
      await change(io, login, { password }, 'password set; browser sessions and API tokens ended');
    });

  registerUserTokens(users, io);
}
