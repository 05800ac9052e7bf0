import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { projectRoot } from '../../server/paths.js';

const run = promisify(execFile);
const asem = path.join(projectRoot, '..', 'shared', 'datasets', 'asem', 'asem_iData.csv');

type Row = Record<string, string>;
const readCsv = async (file: string): Promise<Row[]> =>
  parse<Row>(await readFile(file, 'utf8'), { columns: true, skip_empty_lines: true });

describe('CLI: score --stages and --replay', function () {
  this.timeout(120_000);
  let out: string;

  before(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'zhili-stages-'));
    // r0 changes nothing; r1 gives Sust no weight, so its Index is its Conn; r2 changes normalisation
    const replay = {
      runs: [
        { id: 'r0' },
        { id: 'r1', weights: { Conn: 1, Sust: 0 } },
        { id: 'r2', methods: { normalisation: { method: 'rank' } } },
      ],
    };
    await writeFile(path.join(out, 'replay.json'), JSON.stringify(replay));
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
        '--stages',
        '--replay',
        path.join(out, 'replay.json'),
      ],
      { cwd: projectRoot },
    );
  });

  after(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('writes one file per stage', async () => {
    expect((await readdir(path.join(out, 'stages'))).sort()).to.deep.equal([
      'aggregated.csv',
      'computed.csv',
      'imputed.csv',
      'normalised.csv',
      'treated.csv',
    ]);
  });

  it('writes the computed values as the data has them (LPI has no denominator)', async () => {
    const data = await readCsv(asem);
    const computed = await readCsv(path.join(out, 'stages', 'computed.csv'));
    const lpi = new Map(data.map((r) => [r.uCode, r.LPI]));
    for (const row of computed) expect(Number(row.LPI)).to.equal(Number(lpi.get(row.uCode)));
  });

  it('writes aggregated scores equal to those of scores.csv', async () => {
    const scores = await readCsv(path.join(out, 'scores.csv'));
    const aggregated = new Map(
      (await readCsv(path.join(out, 'stages', 'aggregated.csv'))).map((r) => [r.uCode, r]),
    );
    for (const row of scores) expect(aggregated.get(row.uCode)?.Index).to.equal(row.Index);
  });

  it('replays a run without changes as the command scored it', async () => {
    const ranks = new Map((await readCsv(path.join(out, 'ranks.csv'))).map((r) => [r.uCode, r.Index]));
    const replay = (await readCsv(path.join(out, 'replay.csv'))).filter((r) => r.run === 'r0');
    expect(replay).to.have.length(51);
    for (const row of replay) expect(row.rank_Index).to.equal(ranks.get(row.uCode));
  });

  it("applies a run's weights: with Sust weighted 0 the index is the Conn score", async () => {
    const replay = (await readCsv(path.join(out, 'replay.csv'))).filter((r) => r.run === 'r1');
    for (const row of replay) expect(Number(row.Index)).to.be.closeTo(Number(row.Conn), 1e-12);
  });

  it("applies a run's method choices", async () => {
    const replay = await readCsv(path.join(out, 'replay.csv'));
    const r0 = replay.filter((r) => r.run === 'r0').map((r) => r.Index);
    const r2 = replay.filter((r) => r.run === 'r2').map((r) => r.Index);
    expect(r2).to.have.length(51);
    expect(r2).to.not.deep.equal(r0);
  });
});
