import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { projectRoot } from '../../server/paths.js';

const run = promisify(execFile);

describe('CLI: npm run zhili', function () {
  this.timeout(30_000);

  it('lists its commands with --help', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'zhili', '--', '--help'], { cwd: projectRoot });
    expect(stdout).to.include('Usage: zhili');
    expect(stdout).to.match(/^\s+serve\s/m);
    expect(stdout).to.match(/^\s+store\s/m);
  });

  it('exits non-zero on an unknown command and says so', async () => {
    let caught: { code?: number; stderr?: string } = {};
    try {
      await run('npm', ['run', '--silent', 'zhili', '--', 'no-such-command'], { cwd: projectRoot });
    } catch (error) {
      caught = error as { code?: number; stderr?: string };
    }
    expect(caught.code).to.equal(1);
    expect(caught.stderr).to.include("unknown command 'no-such-command'");
  });
});
