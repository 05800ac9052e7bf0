import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../server/paths.js';
import { startZhili, type StartedProcess } from '../support/start-process.js';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface AuditPage {
  readonly items: readonly {
    readonly actor: string;
    readonly action: string;
    readonly target: string | null;
  }[];
}

const consoleActor = `cli:${os.userInfo().username}`;

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** Waits until `condition` holds, checking every 50 ms for up to 20 s. */
async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting until ${what}`);
}

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

describe('CLI while the server holds the embedded store', function () {
  this.timeout(120_000);
  let dir = '';
  let dataDir = '';
  let server: StartedProcess | undefined;
  let credential: { pid: number; url: string; secret: string };
  const credentialFile = (): string => path.join(dataDir, 'zhili.cli-token');
  const lockFile = (): string => path.join(dataDir, 'zhili.lock');
  const throughApi = (): string => `working through its API at ${credential.url}`;

  /** Runs `zhili …` from `dir` against the same DATA_DIR as the server. */
  function zhili(args: readonly string[], stdin = ''): Promise<Run> {
    return new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(projectRoot, 'scripts', 'zhili.ts'), ...args],
        { cwd: projectRoot, env: { ...process.env, INIT_CWD: dir, DATA_DIR: dataDir, MONGODB_URI: '' } },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.stdin.end(stdin);
      child.once('close', (code) => {
        resolve({ code, stdout, stderr });
      });
    });
  }

  /** Calls the server's API as the console user would, with the local credential. */
  async function api(method: string, apiPath: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${credential.url}/api/v1${apiPath}`, {
      method,
      headers: {
        authorization: `Bearer ${credential.secret}`,
        'x-zhili-cli-actor': consoleActor,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status, `${method} ${apiPath}`).to.be.lessThan(300);
    return response.json();
  }

  async function auditActors(action: string, target: string): Promise<string[]> {
    const page = (await api(
      'GET',
      `/audit?action=${action}&target=${encodeURIComponent(target)}`,
    )) as AuditPage;
    return page.items.map((event) => event.actor);
  }

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-cli-server-'));
    dataDir = path.join(dir, 'data');
    // The demo city is loaded first, so that the server starts at once.
    const demo = await zhili(['demo']);
    expect(demo.code, demo.stderr).to.equal(0);
    server = await startZhili({ DATA_DIR: dataDir, MONGODB_URI: '', ZHILI_DEMO: 'off' });
    credential = JSON.parse(await readFile(credentialFile(), 'utf8')) as typeof credential;
    await writeFile(path.join(dir, 'good.csv'), 'unit_code,households,grid_workers\nWY01S01C00,300,2\n');
    await writeFile(
      path.join(dir, 'units.csv'),
      '单位代码,名称,层级,上级代码\r\nWY01S01C99,新建社区,社区,WY01S01\r\n',
    );
    await writeFile(path.join(dir, 'bad.csv'), 'unit_code,households\nWY01S01C00,-3\nZZZ,1\n');
  });

  after(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves the command line a credential only its owner can read, naming the server and its URL', async () => {
    expect((await stat(credentialFile())).mode & 0o777).to.equal(0o600);
    const lock = JSON.parse(await readFile(lockFile(), 'utf8')) as { pid: number };
    expect(credential.pid).to.equal(lock.pid);
    expect(credential.url).to.equal(server?.url);
  });

  it('imports a data file through the API, says so, and audits it as the console user', async () => {
    const run = await zhili(['import', 'data', 'good.csv', '--period', '2026']);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stderr).to.include(`the store is held by the running server (pid ${credential.pid})`);
    expect(run.stderr).to.include(throughApi());
    const batch = /^committed batch (imp_\S+) \(sequence \d+\): 1 row\(s\) from good\.csv/.exec(
      run.stdout,
    )?.[1];
    expect(batch, run.stdout).to.be.a('string');
    expect(await auditActors('import.commit', batch ?? '')).to.deep.equal([consoleActor]);
  });

  it('confirms a self-reported batch through the API, listed for review until then', async () => {
    interface Waiting {
      readonly items: readonly { readonly batch: { readonly id: string; readonly fileName: string } }[];
    }
    const waiting = async (): Promise<Waiting['items']> =>
      ((await api('GET', '/imports/review?limit=200')) as Waiting).items.filter(
        (item) => item.batch.fileName === 'good.csv',
      );
    const id = (await waiting())[0]?.batch.id ?? '';
    expect(id).to.match(/^imp_/);
    const run = await zhili(['import', 'confirm', id, '--reason', '与台账一致']);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stderr).to.include(throughApi());
    expect(run.stdout.trim()).to.equal(`confirmed batch ${id} (good.csv): 与台账一致`);
    expect(await auditActors('batch.confirm', id)).to.deep.equal([consoleActor]);
    expect(await waiting()).to.deep.equal([]);
  });

  it('exits 1 for a bad file through the API, naming the bad cells and writing the report', async () => {
    const run = await zhili(['import', 'data', 'bad.csv', '--period', '2026']);
    expect(run.code).to.equal(1);
    expect(run.stderr).to.include(throughApi());
    expect(run.stderr).to.include('bad.csv: 2 error(s), 0 warning(s); nothing was imported');
    expect(run.stderr).to.include('row 2, column B (households): 计数为负 negative count "-3"');
    const report = await readFile(path.join(dir, 'bad.report.csv'), 'utf8');
    expect(report.split('\r\n').filter((line) => line !== '')).to.have.length(3);
  });

  it('evaluates and publishes through the API, prints the id and audits the console user', async () => {
    const run = await zhili(['evaluate', 'default', '--period', '2024', '--publish']);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stderr).to.include(throughApi());
    const id = /^evaluation (\S+) \(published\): default over 2024$/m.exec(run.stdout)?.[1];
    expect(id, run.stdout).to.be.a('string');
    expect(await api('GET', `/evaluations/${id ?? ''}`)).to.include({ status: 'published' });
    expect(await auditActors('evaluation.publish', id ?? '')).to.deep.equal([consoleActor]);
  });

  it('exports an evaluation through the API as a CSV with a row per community', async () => {
    const published = (await api('GET', '/evaluations?status=published&limit=1')) as {
      items: { id: string }[];
    };
    const id = published.items[0]?.id ?? '';
    const out = path.join(dir, 'results.csv');
    const run = await zhili(['export', id, '--format', 'csv', '--out', out]);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stderr).to.include(throughApi());
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines).to.have.length(1001);
    expect(lines[0]?.replace('\uFEFF', '').split(',').slice(0, 5)).to.deep.equal([
      'unit_code',
      'name_zh',
      'name_en',
      'parent',
      'period',
    ]);
  });

  it('imports a unit register through the API', async () => {
    const run = await zhili(['import', 'units', 'units.csv']);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stderr).to.include(throughApi());
    expect(run.stdout).to.match(/^committed batch imp_\S+ \(sequence \d+\): 1 row\(s\) from units\.csv/);
    expect(await api('GET', '/units/WY01S01C99')).to.deep.include({ parent: 'WY01S01' });
  });

  it('adds a user and lists it through the API, auditing the console user', async () => {
    const added = await zhili(
      ['users', 'add', 'li.ming', '--role', 'evaluator', '--name', '李明', '--password-stdin'],
      'a-long-enough-password\n',
    );
    expect(added.code, added.stderr).to.equal(0);
    expect(added.stdout.trim()).to.equal('created li.ming (evaluator)');
    expect(added.stderr).to.include(throughApi());
    const listed = await zhili(['users', 'list', '--json']);
    expect(listed.code, listed.stderr).to.equal(0);
    const users = JSON.parse(listed.stdout) as { id: string; login: string; role: string }[];
    const li = users.find((user) => user.login === 'li.ming');
    expect(li).to.include({ role: 'evaluator' });
    expect(await auditActors('user.create', li?.id ?? '')).to.deep.equal([consoleActor]);
  });

  it("issues a user's API token through the API, which then works as that user", async () => {
    await zhili(['users', 'add', 'zhao', '--role', 'viewer', '--password-stdin'], 'another-long-password\n');
    const run = await zhili(['users', 'token', 'zhao', '--label', 'nightly', '--days', '3']);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stderr).to.include(throughApi());
    const me = await fetch(`${credential.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${run.stdout.trim()}` },
    });
    expect(((await me.json()) as { user: { login: string } }).user.login).to.equal('zhao');
  });

  it('refuses a forged local credential', async () => {
    const forged = `zlcli_${'x'.repeat(43)}`;
    const response = await fetch(`${credential.url}/api/v1/users`, {
      headers: { authorization: `Bearer ${forged}`, 'x-zhili-cli-actor': consoleActor },
    });
    expect(response.status).to.equal(401);
  });

  it('refuses the actor header with any credential but the local one', async () => {
    const user = (await api('POST', '/users', {
      login: 'script',
      displayName: 'script',
      role: 'admin',
    })) as { id: string };
    const issued = (await api('POST', `/users/${user.id}/tokens`, { label: 'test' })) as { secret: string };
    const response = await fetch(`${credential.url}/api/v1/users`, {
      headers: { authorization: `Bearer ${issued.secret}`, 'x-zhili-cli-actor': 'cli:someone-else' },
    });
    expect(response.status).to.equal(401);
    expect(((await response.json()) as { detail: string }).detail).to.include('X-Zhili-Cli-Actor');
  });

  it('removes the credential at a clean shutdown', async () => {
    await server?.stop();
    server = undefined;
    await until(async () => !(await exists(lockFile())), 'the server has released the store');
    expect(await exists(credentialFile())).to.equal(false);
  });

  it('opens the store itself when the lock and credential were left by a server that is gone', async () => {
    const pid = await deadPid();
    const since = new Date().toISOString();
    await writeFile(lockFile(), JSON.stringify({ pid, host: os.hostname(), since }));
    await writeFile(credentialFile(), JSON.stringify({ ...credential, pid }), { mode: 0o600 });
    const run = await zhili(['users', 'list']);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stderr).not.to.include('working through its API');
    expect(run.stdout).to.match(/^li\.ming\s+李明\s+evaluator/m);
  });
});
