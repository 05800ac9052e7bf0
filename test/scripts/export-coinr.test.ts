/**
 * `export EVALUATION --format coinr --out DIR`: iData.csv, iMeta.csv and results.csv; the iMeta
 * read back through `indicators import-coinr` gives the evaluated framework's tree and weights.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import type { ResolvedFramework } from '../../server/indicators/registry-types.js';
import { indicatorsDir, projectRoot } from '../../server/paths.js';
import { runImportCoinr } from '../../scripts/commands/indicators-import-coinr.js';

const run = promisify(execFile);

/** Each child's share of its parent's weights: the weights as aggregation uses them. */
function shares(framework: ResolvedFramework): Map<string, { parent: string; share: number }> {
  const members = [
    ...framework.dimensions.map((d) => ({ id: d.id, parent: d.parentId, weight: d.weight })),
    ...framework.indicators.map((i) => ({ id: i.id, parent: i.parentId, weight: i.weight })),
  ];
  const totals = new Map<string, number>();
  for (const m of members) totals.set(m.parent, (totals.get(m.parent) ?? 0) + m.weight);
  return new Map(members.map((m) => [m.id, { parent: m.parent, share: m.weight / totals.get(m.parent)! }]));
}

describe('CLI: export --format coinr', function () {
  this.timeout(180_000);
  let dir: string;
  const zhili = (...args: string[]): Promise<{ stdout: string; stderr: string }> =>
    run('npx', ['tsx', 'scripts/zhili.ts', ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATA_DIR: path.join(dir, 'data'), MONGODB_URI: '' },
    });

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-coinr-export-'));
    await zhili('demo');
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes iData, iMeta and results that import back to the same tree and weights', async () => {
    const { stdout } = await zhili('evaluate', 'default', '--period', '2025');
    const id = /evaluation (\S+) \(draft\)/.exec(stdout)?.[1];
    expect(id, stdout).to.be.a('string');
    const out = path.join(dir, 'coinr');
    await zhili('export', id!, '--format', 'coinr', '--out', out);

    const iData = parse<Record<string, string>>(await readFile(path.join(out, 'iData.csv'), 'utf8'), {
      columns: true,
    });
    const results = parse<Record<string, string>>(await readFile(path.join(out, 'results.csv'), 'utf8'), {
      columns: true,
    });
    const original = (await loadRegistry(indicatorsDir)).resolveFramework('default');
    expect(Object.keys(iData[0]!)).to.deep.equal([
      'uCode',
      'uName',
      'Time',
      ...original.indicators.map((i) => i.id),
    ]);
    expect(iData).to.have.length(results.length);
    expect(iData[0]!.Time).to.equal('2025');
    expect(Object.keys(results[0]!)).to.include.members([
      'unit_code',
      'index.score',
      'index.rank',
      'coverage.score',
    ]);

    const definitions = path.join(dir, 'definitions');
    await runImportCoinr(path.join(out, 'iMeta.csv'), {
      id: 'roundtrip',
      data: path.join(out, 'iData.csv'),
      out: definitions,
    });
    const imported = (await loadRegistry(definitions)).resolveFramework('roundtrip');
    expect(imported.root).to.deep.equal(original.root);
    expect(imported.indicators.map((i) => i.id)).to.deep.equal(original.indicators.map((i) => i.id));
    expect(imported.dimensions.map((d) => d.id).sort()).to.deep.equal(
      original.dimensions.map((d) => d.id).sort(),
    );
    const want = shares(original);
    const got = shares(imported);
    expect([...got.keys()].sort()).to.deep.equal([...want.keys()].sort());
    for (const [code, { parent, share }] of want) {
      expect(got.get(code)!.parent, code).to.equal(parent);
      expect(got.get(code)!.share, code).to.be.closeTo(share, 1e-12);
    }
    for (const indicator of original.indicators) {
      const back = imported.indicators.find((i) => i.id === indicator.id)!.definition;
      expect(back.name, indicator.id).to.deep.equal(indicator.definition.name);
      expect(back.direction, indicator.id).to.equal(indicator.definition.direction);
    }
  });

  it('needs --out DIR', async () => {
    let caught: { code?: number; stderr?: string } = {};
    try {
      await zhili('export', 'any', '--format', 'coinr');
    } catch (error) {
      caught = error as { code?: number; stderr?: string };
    }
    expect(caught.code).to.equal(1);
    expect(caught.stderr).to.include('--format coinr needs --out DIR');
  });
});
