import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../server/paths.js';

const run = promisify(execFile);
const asem = path.join(projectRoot, '..', 'shared', 'datasets', 'asem', 'asem_iData.csv');
const score = ['run', '--silent', 'zhili', '--', 'score', '--framework', 'asem', '--data', asem, '--out'];

describe('CLI: score --uncertainty', function () {
  this.timeout(90_000);
  let out: string;

  before(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'zhili-uncertainty-'));
  });

  after(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('writes each unit’s nominal, median and 5–95 % ranks, and every replication for replay', async () => {
    await run('npm', [...score, out, '--uncertainty', '40'], { cwd: projectRoot });
    const lines = (await readFile(path.join(out, 'uncertainty.csv'), 'utf8')).trim().split('\n');
    expect(lines[0]).to.equal('uCode,nominal_rank,median_rank,p5_rank,p95_rank');
    expect(lines).to.have.length(52);
    const ranks = (await readFile(path.join(out, 'ranks.csv'), 'utf8')).trim().split('\n');
    const indexRank = new Map(ranks.slice(1).map((line) => [line.split(',')[0], line.split(',').at(-1)]));
    for (const line of lines.slice(1)) {
      const [code, nominal, median, p5, p95] = line.split(',');
      expect(nominal, code).to.equal(indexRank.get(code));
      expect(Number(p5)).to.be.at.most(Number(median));
      expect(Number(median)).to.be.at.most(Number(p95));
    }
    const json = JSON.parse(await readFile(path.join(out, 'uncertainty.json'), 'utf8')) as {
      runs: number;
      factors: string[];
      records: unknown[];
    };
    expect(json.runs).to.equal(40);
    expect(json.factors).to.deep.equal(['weights', 'treatment']);
    expect(json.records).to.have.length(40);
  });

  it('refuses a replication count that is not a whole number ≥ 1', async () => {
    let caught: { code?: number; stderr?: string } = {};
    try {
      await run('npm', [...score, out, '--uncertainty', 'many'], { cwd: projectRoot });
    } catch (error) {
      caught = error as { code?: number; stderr?: string };
    }
    expect(caught.code).to.equal(1);
    expect(caught.stderr).to.include('--uncertainty needs a whole number of replications ≥ 1, found "many"');
  });
});
