import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { registerBackup } from '../../scripts/commands/backup.js';
import { projectRoot } from '../../server/paths.js';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { cliHarness } from './cli-harness.js';

const run = promisify(execFile);

describe('CLI: backup and restore', function () {
  this.timeout(120_000);
  let cli: Awaited<ReturnType<typeof cliHarness>>;
  let elsewhere: string;

  beforeEach(async () => {
    cli = await cliHarness(registerBackup);
    elsewhere = await mkdtemp(path.join(os.tmpdir(), 'zhili-cli-out-'));
    const store = await EmbeddedStore.open(cli.dataDir);
    await store.users.create({ login: 'li', displayName: '李', role: 'admin', passwordHash: 'scrypt$x' });
    await store.periods.ensure('2025');
    await store.close();
  });
  afterEach(async () => {
    await cli.dispose();
    await rm(elsewhere, { recursive: true, force: true });
  });

  it('writes an archive, counting its documents, and says users come back without passwords', async () => {
    const out = path.join(elsewhere, 'zhili.backup.gz');
    const backup = await cli.run(['backup', '--out', out]);
    expect(backup.error).to.equal(undefined);
    expect(backup.stdout.startsWith(`wrote ${out}: 2 documents (periods 1, users 1), `)).to.equal(true);
    expect(backup.stdout).to.include('users password LOGIN');
    expect(backup.stdout).to.include('; unsigned)');
    expect(backup.stderr).to.include('warning: the archive is unsigned (no --key)');
    expect(await readdir(elsewhere)).to.deep.equal(['zhili.backup.gz']);
  });

  it('makes a backup key (64 hex digits, owner only) and never overwrites one', async () => {
    const keyFile = path.join(elsewhere, 'backup.key');
    const made = await cli.run(['backup-key', '--out', keyFile]);
    expect(made.error).to.equal(undefined);
    expect(made.stdout).to.match(/^wrote backup key [0-9a-f]{16} to /);
    expect(await readFile(keyFile, 'utf8')).to.match(/^[0-9a-f]{64}\n$/);
    expect((await stat(keyFile)).mode & 0o077).to.equal(0);
    const again = await cli.run(['backup-key', '--out', keyFile]);
    expect(again.error?.message).to.include('the file exists already (a key is never overwritten)');
  });

  it('signs with --key, and restores only with that key or --allow-unsigned', async () => {
    const keyFile = path.join(elsewhere, 'backup.key');
    const otherKey = path.join(elsewhere, 'other.key');
    await cli.run(['backup-key', '--out', keyFile]);
    await cli.run(['backup-key', '--out', otherKey]);
    const out = path.join(elsewhere, 'signed.backup.gz');
    const backup = await cli.run(['backup', '--out', out, '--key', keyFile]);
    expect(backup.stdout).to.match(/; signed with key [0-9a-f]{16}\)/);
    const noKey = await cli.run(['restore', out, '--replace']);
    expect(noKey.error?.message).to.include('no backup key was given to check it: add --key FILE');
    const wrongKey = await cli.run(['restore', out, '--replace', '--key', otherKey]);
    expect(wrongKey.error?.message).to.include('it was signed with another key');
    expect(wrongKey.error?.message).to.include('add --allow-unsigned');
    const allowed = await cli.run(['restore', out, '--replace', '--key', otherKey, '--allow-unsigned']);
    expect(allowed.error).to.equal(undefined);
    expect(allowed.stderr).to.include('warning: it was signed with another key');
    const right = await cli.run(['restore', out, '--replace', '--key', keyFile]);
    expect(right.error).to.equal(undefined);
    expect(right.stdout).to.include('signature verified');
  });

  it('refuses an --out folder that does not exist, naming it, with exit code 1', async () => {
    const missing = path.join(elsewhere, 'missing');
    const backup = await cli.run(['backup', '--out', path.join(missing, 'x.gz')]);
    expect(backup.error?.message).to.equal(
      `--out ${path.join(missing, 'x.gz')}: the folder ${missing} does not exist`,
    );
    expect(backup.error?.exitCode).to.equal(1);
  });

  it('restores into another store, and refuses the same store without --replace', async () => {
    const out = path.join(elsewhere, 'zhili.backup.gz');
    const keyFile = path.join(elsewhere, 'backup.key');
    await cli.run(['backup-key', '--out', keyFile]);
    await cli.run(['backup', '--out', out, '--key', keyFile]);
    const refused = await cli.run(['restore', out, '--key', keyFile]);
    expect(refused.error?.message).to.match(
      /^the store is not empty \(it holds periods, users, auditEvents\)/,
    );
    const replaced = await cli.run(['restore', out, '--replace', '--key', keyFile]);
    expect(replaced.error).to.equal(undefined);
    expect(replaced.stdout).to.match(
      /^restored 2 documents into the embedded store in [\d.]+ s \(archive of an? embedded store/,
    );
    expect(replaced.stdout).to.include('1 user(s) restored');
    const store = await EmbeddedStore.open(cli.dataDir);
    try {
      expect((await store.users.list()).map((user) => [user.login, user.passwordHash])).to.deep.equal([
        ['li', null],
      ]);
    } finally {
      await store.close();
    }
  });

  it('runs end to end through npm run zhili: users add, a key, a signed backup, restore into a fresh folder with the key from ZHILI_BACKUP_KEY_FILE', async () => {
    const fresh = path.join(elsewhere, 'fresh');
    const out = path.join(elsewhere, 'e2e.backup.gz');
    const keyFile = path.join(elsewhere, 'backup.key');
    const env = { ...process.env, DATA_DIR: cli.dataDir, MONGODB_URI: '', ZHILI_BACKUP_KEY_FILE: keyFile };
    const zhili = (args: string[], extra: Record<string, string> = {}) =>
      run('npm', ['run', '--silent', 'zhili', '--', ...args], {
        cwd: projectRoot,
        env: { ...env, ...extra },
      });
    const child = execFile(
      'npm',
      ['run', '--silent', 'zhili', '--', 'users', 'add', 'wang', '--role', 'viewer', '--password-stdin'],
      {
        cwd: projectRoot,
        env,
      },
    );
    child.stdin?.end('wang-password-1\n');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).to.equal(0);
    await zhili(['backup-key', '--out', keyFile]);
    await zhili(['backup', '--out', out]);
    const restored = await zhili(['restore', out], { DATA_DIR: fresh });
    expect(restored.stdout).to.include('2 user(s) restored');
    const listed = await zhili(['users', 'list', '--json'], { DATA_DIR: fresh });
    const users = JSON.parse(listed.stdout) as { login: string; hasPassword: boolean }[];
    expect(users.map((u) => [u.login, u.hasPassword])).to.deep.equal([
      ['li', false],
      ['wang', false],
    ]);
  });

  it('exits 1 naming --role when a user is added with an unknown role through npm run zhili', async () => {
    let caught: { code?: number; stderr?: string } = {};
    try {
      await run('npm', ['run', '--silent', 'zhili', '--', 'users', 'add', 'x', '--role', 'boss'], {
        cwd: projectRoot,
        env: { ...process.env, DATA_DIR: cli.dataDir, MONGODB_URI: '' },
      });
    } catch (error) {
      caught = error as { code?: number; stderr?: string };
    }
    expect(caught.code).to.equal(1);
    expect(caught.stderr).to.include('--role: unknown role "boss"');
  });
});
