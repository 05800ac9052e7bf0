import { expect } from 'chai';
import os from 'node:os';
import { issueApiToken, resolveCredential, startSession } from '../../server/access/credentials.js';
import { userByLogin } from '../../server/access/user-admin.js';
import { verifyPassword } from '../../server/access/passwords.js';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import type { Store } from '../../server/store/store.js';
import { registerUsers } from '../../scripts/commands/users.js';
import { CliError } from '../../scripts/commands/cli-error.js';
import { cliHarness } from './cli-harness.js';

const ACTOR = `cli:${os.userInfo().username}`;

describe('CLI: users', function () {
  this.timeout(60_000);
  let cli: Awaited<ReturnType<typeof cliHarness>>;

  beforeEach(async () => {
    cli = await cliHarness(registerUsers);
  });
  afterEach(async () => {
    await cli.dispose();
  });

  async function inStore<T>(read: (store: Store) => Promise<T>): Promise<T> {
    const store = await EmbeddedStore.open(cli.dataDir);
    try {
      return await read(store);
    } finally {
      await store.close();
    }
  }

  async function addAdmin(): Promise<void> {
    const added = await cli.run(['users', 'add', 'admin', '--role', 'admin', '--password-stdin'], {
      stdin: 'admin-password-1\n',
    });
    expect(added.error).to.equal(undefined);
  }

  it('adds a user with a password read from stdin, audited as cli:<system user>', async () => {
    const run = await cli.run(
      ['users', 'add', 'li', '--role', 'evaluator', '--name', '李评估', '--password-stdin'],
      { stdin: 'correct horse battery\n' },
    );
    expect(run.error).to.equal(undefined);
    expect(run.stdout).to.equal('created li (evaluator)\n');
    await inStore(async (store) => {
      const user = await store.users.findByLogin('li');
      expect(user?.displayName).to.equal('李评估');
      expect(await verifyPassword('correct horse battery', user?.passwordHash ?? null)).to.equal(true);
      const [event] = await store.audit.list({ action: 'user.create' });
      expect(event?.actor).to.equal(ACTOR);
    });
  });

  it('asks for the password twice on a terminal and never echoes it', async () => {
    const run = await cli.run(['users', 'add', 'wang', '--role', 'viewer'], {
      typed: ['typed-secret-42', 'typed-secret-42'],
    });
    expect(run.error).to.equal(undefined);
    expect(run.stderr).to.include('New password');
    expect(run.stderr).to.include('Repeat it');
    expect(run.stdout + run.stderr).not.to.include('typed-secret-42');
    await inStore(async (store) => {
      const user = await store.users.findByLogin('wang');
      expect(await verifyPassword('typed-secret-42', user?.passwordHash ?? null)).to.equal(true);
    });
  });

  it('refuses two different passwords typed on a terminal and creates nobody', async () => {
    const run = await cli.run(['users', 'add', 'wang', '--role', 'viewer'], {
      typed: ['typed-secret-42', 'typed-secret-43'],
    });
    expect(run.error).to.be.instanceOf(CliError);
    expect(run.error?.message).to.equal('the two passwords differ: nothing was changed');
    expect(await inStore((store) => store.users.list())).to.deep.equal([]);
  });

  it('stops at Ctrl-C on the password prompt and creates nobody', async () => {
    const run = await cli.run(['users', 'add', 'wang', '--role', 'viewer'], { typed: ['\u0003'] });
    expect(run.error?.message).to.equal('cancelled: nothing was changed');
    expect(await inStore((store) => store.users.list())).to.deep.equal([]);
  });

  it('refuses to ask without a terminal, pointing to --password-stdin', async () => {
    const run = await cli.run(['users', 'add', 'wang', '--role', 'viewer']);
    expect(run.error?.message).to.include('add --password-stdin');
    expect(run.error?.exitCode).to.equal(1);
  });

  it('names --role when the role is unknown', async () => {
    const run = await cli.run(['users', 'add', 'wang', '--role', 'boss', '--password-stdin'], {
      stdin: 'long enough password',
    });
    expect(run.error?.message).to.equal(
      '--role: unknown role "boss"; use one of admin, evaluator, researcher, viewer',
    );
    expect(run.error?.exitCode).to.equal(1);
  });

  it('names the password field and its problem when the password is too short', async () => {
    const run = await cli.run(['users', 'add', 'wang', '--role', 'viewer', '--password-stdin'], {
      stdin: 'short\n',
    });
    expect(run.error?.message).to.equal(
      'the password is not acceptable\n  password: use at least 10 characters (found 5)',
    );
  });

  it('lists users as JSON without any password hash', async () => {
    await addAdmin();
    await cli.run(['users', 'add', 'zhao', '--role', 'viewer', '--password-stdin'], {
      stdin: 'zhao-password-1',
    });
    const run = await cli.run(['users', 'list', '--json']);
    const users = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(users.map((u) => [u.login, u.role, u.hasPassword, u.disabled, u.unitScope])).to.deep.equal([
      ['admin', 'admin', true, false, null],
      ['zhao', 'viewer', true, false, null],
    ]);
    expect(run.stdout).not.to.include('passwordHash');
    expect(run.stdout).not.to.include('scrypt');
  });

  it('lists users as a table with scope, disabled and password columns', async () => {
    await addAdmin();
    const run = await cli.run(['users', 'list']);
    expect(run.stdout).to.equal(
      'LOGIN  NAME   ROLE   SCOPE  DISABLED  PASSWORD\nadmin  admin  admin  all    no        yes\n',
    );
  });

  it('refuses to disable the last active admin', async () => {
    await addAdmin();
    const run = await cli.run(['users', 'disable', 'admin']);
    expect(run.error?.message).to.equal('this is the last active admin: make another admin first');
    expect((await inStore((store) => store.users.findByLogin('admin')))?.disabled).to.equal(false);
  });

  it('disables a user, revoking their token, and enables them again', async () => {
    await addAdmin();
    const issued = await cli.run(['users', 'token', 'admin', '--label', 'nightly']);
    await cli.run(['users', 'add', 'li', '--role', 'admin', '--password-stdin'], { stdin: 'li-password-12' });
    const disabled = await cli.run(['users', 'disable', 'admin']);
    expect(disabled.stdout).to.equal('admin: disabled; sessions and tokens revoked\n');
    expect(await inStore((store) => resolveCredential(store, issued.stdout.trim()))).to.equal(undefined);
    const enabled = await cli.run(['users', 'enable', 'admin']);
    expect(enabled.stdout).to.equal('admin: enabled\n');
    const actions = await inStore(async (store) => (await store.audit.list()).map((e) => e.action));
    expect(actions.slice(0, 2)).to.deep.equal(['user.enable', 'user.disable']);
  });

  it('changes a role, and refuses an unknown one naming ROLE', async () => {
    await addAdmin();
    await cli.run(['users', 'add', 'li', '--role', 'viewer', '--password-stdin'], {
      stdin: 'li-password-12',
    });
    expect((await cli.run(['users', 'role', 'li', 'researcher'])).stdout).to.equal('li: role researcher\n');
    expect((await inStore((store) => store.users.findByLogin('li')))?.role).to.equal('researcher');
    expect((await cli.run(['users', 'role', 'li', 'chief'])).error?.message).to.match(
      /^ROLE: unknown role "chief"/,
    );
  });

  it('refuses a scope naming units that do not exist, and accepts "all"', async () => {
    await cli.run(['users', 'add', 'zhao', '--role', 'viewer', '--password-stdin'], {
      stdin: 'zhao-password-1',
    });
    const refused = await cli.run(['users', 'scope', 'zhao', '420102,420103']);
    expect(refused.error?.message).to.equal(
      'the unit scope names units that do not exist\n  unitScope: unknown unit codes: 420102, 420103',
    );
    expect((await cli.run(['users', 'scope', 'zhao', 'all'])).stdout).to.equal('zhao: units all\n');
  });

  it('refuses a unit scope for any role but viewer, on users add --scope and users scope', async () => {
    const added = await cli.run(
      ['users', 'add', 'li', '--role', 'evaluator', '--scope', '420102', '--password-stdin'],
      {
        stdin: 'li-password-12',
      },
    );
    expect(added.error?.message).to.equal(
      'unit scopes are for viewers only\n  unitScope: only a viewer may have a unit scope, not evaluator',
    );
    expect(await inStore((store) => store.users.findByLogin('li'))).to.equal(undefined);
    await addAdmin();
    const scoped = await cli.run(['users', 'scope', 'admin', '420102']);
    expect(scoped.error?.message).to.match(/^unit scopes are for viewers only\n {2}unitScope: /);
    expect((await inStore((store) => store.users.findByLogin('admin')))?.unitScope).to.equal(null);
  });

  it('says which login does not exist', async () => {
    const run = await cli.run(['users', 'enable', 'nobody']);
    expect(run.error?.message).to.equal('no user with the login nobody');
  });

  it('sets a new password from stdin and ends the user’s browser sessions and API tokens', async () => {
    await addAdmin();
    const session = await inStore(async (store) => startSession(store, await userByLogin(store, 'admin')));
    const token = await inStore(async (store) =>
      issueApiToken(store, await userByLogin(store, 'admin'), 'x'),
    );
    const run = await cli.run(['users', 'password', 'admin', '--password-stdin'], {
      stdin: 'new-password-99\n',
    });
    expect(run.stdout).to.equal('admin: password set; browser sessions and API tokens ended\n');
    expect(await inStore((store) => resolveCredential(store, session.secret))).to.equal(undefined);
    expect(await inStore((store) => resolveCredential(store, token.secret))).to.equal(undefined);
    const user = await inStore((store) => store.users.findByLogin('admin'));
    expect(await verifyPassword('new-password-99', user?.passwordHash ?? null)).to.equal(true);
    expect(await verifyPassword('admin-password-1', user?.passwordHash ?? null)).to.equal(false);
  });

  it('prints a new API token alone on stdout, once, and it authenticates the user', async () => {
    await addAdmin();
    const run = await cli.run(['users', 'token', 'admin', '--label', 'nightly import', '--days', '30']);
    const token = run.stdout.trim();
    expect(token).to.match(/^zl_[A-Za-z0-9_-]{43}$/);
    expect(run.stderr).to.include('it is shown only this once');
    const principal = await inStore((store) => resolveCredential(store, token));
    expect(principal?.user.login).to.equal('admin');
    const days = (Date.parse(principal?.credential.expiresAt ?? '') - Date.now()) / 86_400_000;
    expect(days).to.be.within(29.9, 30);
    const [event] = await inStore((store) => store.audit.list({ action: 'token.create' }));
    expect(event?.detail).to.deep.include({ login: 'admin', label: 'nightly import' });
    expect(JSON.stringify(event)).not.to.include(token);
  });

  it('names --days when it is not a whole number of days up to 366', async () => {
    await addAdmin();
    const run = await cli.run(['users', 'token', 'admin', '--label', 'x', '--days', '400']);
    expect(run.error?.message).to.equal('--days: give a whole number of days from 1 to 366; found "400"');
  });

  it('lists tokens without their hash and revokes one by id, audited', async () => {
    await addAdmin();
    const token = (await cli.run(['users', 'token', 'admin', '--label', 'nightly'])).stdout.trim();
    const listed = JSON.parse((await cli.run(['users', 'tokens', 'admin', '--json'])).stdout) as {
      id: string;
      label: string;
    }[];
    expect(listed.map((t) => t.label)).to.deep.equal(['nightly']);
    expect(JSON.stringify(listed)).not.to.include('tokenHash');
    const id = listed[0]?.id ?? '';
    expect((await cli.run(['users', 'revoke', id])).stdout).to.equal(`revoked token ${id} of admin\n`);
    expect(await inStore((store) => resolveCredential(store, token))).to.equal(undefined);
    const [event] = await inStore((store) => store.audit.list({ action: 'token.revoke' }));
    expect(event?.target).to.equal(id);
    expect((await cli.run(['users', 'revoke', id])).error?.message).to.equal(
      `TOKEN_ID: no active token or session ${id}`,
    );
  });
});
