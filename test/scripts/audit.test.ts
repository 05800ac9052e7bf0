import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../server/paths.js';
import { readCsv } from '../engine/support/asem.js';

const run = promisify(execFile);
const asem = path.join(projectRoot, '..', 'shared', 'datasets', 'asem', 'asem_iData.csv');
const fixtures = path.join(projectRoot, 'test', 'fixtures', 'asem-audit');

async function audit(out: string, ...extra: string[]): Promise<string> {
  const { stdout } = await run(
    'npm',
    [
      'run',
      '--silent',
      'zhili',
      '--',
      'audit',
      '--framework',
      'asem',
      '--data',
      asem,
      '--out',
      out,
      ...extra,
    ],
    { cwd: projectRoot },
  );
  return stdout;
}

describe('CLI: audit', function () {
  this.timeout(90_000);
  let out: string;

  before(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'zhili-audit-'));
  });

  after(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('writes the eight audit tables with the documented headers, Cronbach matching the COINr reference', async () => {
    await audit(out);
    const header = async (file: string): Promise<string> =>
      (await readFile(path.join(out, file), 'utf8')).split('\n')[0] ?? '';
    expect(await header('correlations.csv')).to.equal('a,b,pearson,spearman');
    expect(await header('with_parent.csv')).to.equal('element,parent,r');
    expect(await header('cronbach.csv')).to.equal('node,alpha');
    expect(await header('pca.csv')).to.equal('node,component,variance_share');
    expect(await header('remove.csv')).to.equal('element,mean_abs_rank_change');
    expect(await header('stats.csv')).to.match(
      /^indicator,availability,zero_share,unique_share,skewness,kurtosis/,
    );
    expect(await header('flags.csv')).to.equal('node,a,b,r,flag');
    expect(await header('size_correlations.csv')).to.equal('indicator,size,r');
    const written = readCsv(path.join(out, 'cronbach.csv'));
    for (const row of readCsv(path.join(fixtures, 'cronbach.csv'))) {
      const alpha = Number(written.find((w) => w.node === row.node)?.alpha);
      expect(Math.abs(alpha - Number(row.alpha))).to.be.below(Math.abs(Number(row.alpha)) * 1e-9);
    }
  });

  it('flags more pairs when the double-counting threshold is lowered', async () => {
    const strict = readCsv(path.join(out, 'flags.csv')).length;
    const loose = path.join(out, 'loose');
    await audit(loose, '--double-counting', '0.6');
    expect(readCsv(path.join(loose, 'flags.csv')).length).to.be.greaterThan(strict);
  });

  it('refuses a threshold outside its range, naming the option', async () => {
    let caught: { code?: number; stderr?: string } = {};
    try {
      await audit(path.join(out, 'bad'), '--pulling-apart', '0.5');
    } catch (error) {
      caught = error as { code?: number; stderr?: string };
    }
    expect(caught.code).to.not.equal(undefined);
    expect(caught.stderr).to.contain('--pulling-apart must be a number from -1 to 0');
  });
});
