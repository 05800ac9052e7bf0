import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../server/paths.js';

const run = promisify(execFile);
const asem = path.join(projectRoot, '..', 'shared', 'datasets', 'asem', 'asem_iData.csv');

describe('CLI: score', function () {
  this.timeout(60_000);
  let out: string;

  before(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'zhili-score-'));
  });

  after(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('writes scores.csv and ranks.csv for the ASEM index: uCode, 49 indicators, 8 pillars, 2 sub-indices, Index', async () => {
    await run(
      'npm',
      ['run', '--silent', 'zhili', '--', 'score', '--framework', 'asem', '--data', asem, '--out', out],
      {
        cwd: projectRoot,
      },
    );
    const scores = (await readFile(path.join(out, 'scores.csv'), 'utf8')).trim().split('\n');
    const ranks = (await readFile(path.join(out, 'ranks.csv'), 'utf8')).trim().split('\n');
    const header = scores[0]!.split(',');
    expect(header[0]).to.equal('uCode');
    expect(header).to.have.length(1 + 49 + 8 + 2 + 1);
    expect(header.slice(-3)).to.deep.equal(['Conn', 'Sust', 'Index']);
    expect(scores).to.have.length(52);
    expect(ranks[0]).to.equal(scores[0]);
  });

  it('refuses a geometric mean over min-max [0, 100] with a message saying what to fix', async () => {
    let caught: { code?: number; stderr?: string } = {};
    try {
      await run(
        'npm',
        [
          'run',
          '--silent',
          'zhili',
          '--',
          'score',
          '--framework',
          'asem',
          '--data',
          asem,
          '--out',
          out,
          '--aggregation',
          'geometric',
        ],
        { cwd: projectRoot },
      );
    } catch (error) {
      caught = error as { code?: number; stderr?: string };
    }
    expect(caught.code).to.equal(1);
    expect(caught.stderr).to.include('range [1, 100]');
  });
});
