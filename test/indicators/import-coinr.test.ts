/**
 * `indicators import-coinr`: the ASEM iMeta imported as a new framework scores exactly as the
 * hand-made `asem` framework (every score and rank), and bad iMeta tables fail naming row and column.
 */
import { expect } from 'chai';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runPipeline } from '../../server/engine/pipeline.js';
import type { EngineResult } from '../../server/engine/result.js';
import { ValidationError } from '../../server/errors.js';
import { parseIMeta } from '../../server/indicators/coinr/imeta.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import { toEngineInput } from '../../server/indicators/to-engine-input.js';
import { indicatorsDir, projectRoot } from '../../server/paths.js';
import { runImportCoinr } from '../../scripts/commands/indicators-import-coinr.js';
import { scoreChoices } from '../../scripts/commands/score-choices.js';
import { readScoringData } from '../../scripts/commands/score-table.js';

const asemDir = path.join(projectRoot, '..', 'shared', 'datasets', 'asem');
const iMeta = path.join(asemDir, 'asem_iMeta.csv');
const iData = path.join(asemDir, 'asem_iData.csv');

async function score(definitions: string, frameworkId: string): Promise<EngineResult> {
  const registry = await loadRegistry(definitions);
  const framework = registry.resolveFramework(frameworkId);
  const data = await readScoringData(iData, { unitColumn: 'uCode', periodColumn: 'Time' });
  return runPipeline(toEngineInput(framework, data.units, data.periods), scoreChoices(framework, {}, false));
}

describe('indicators import-coinr', function () {
  this.timeout(60_000);
  let out: string;

  before(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'zhili-coinr-'));
  });

  after(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('imports the ASEM iMeta (with the asem methods) into a folder that scores like the asem framework to 1e-12', async () => {
    const said = await runImportCoinr(iMeta, { id: 'asem2', out, methods: 'asem' });
    expect(said).to.match(/^wrote 49 indicators and 10 dimensions/);
    expect((await readdir(path.join(out, 'asem2'))).sort()).to.deep.equal(['Conn', 'Sust']);
    const original = await score(indicatorsDir, 'asem');
    const imported = await score(out, 'asem2');
    expect(imported.indicatorIds).to.deep.equal(original.indicatorIds);
    expect(imported.nodeIds).to.deep.equal(original.nodeIds);
    expect(imported.unitCodes).to.deep.equal(original.unitCodes);
    let compared = 0;
    for (const id of [...original.indicatorIds, ...original.nodeIds]) {
      const a = original.normalised.values.get(id) ?? original.scores.values.get(id);
      const b = imported.normalised.values.get(id) ?? imported.scores.values.get(id);
      expect(b, id).to.not.equal(undefined);
      a!.forEach((value, row) => {
        if (Number.isNaN(value)) expect(b![row], `${id} row ${row}`).to.be.NaN;
        else expect(b![row], `${id} row ${row}`).to.be.closeTo(value, 1e-12);
        compared += 1;
      });
      expect([...(imported.ranks.get(id) ?? [])], `ranks of ${id}`).to.deep.equal([
        ...(original.ranks.get(id) ?? []),
      ]);
    }
    expect(compared).to.equal((49 + 8 + 2 + 1) * 51);
    expect(original.scores.values.get('Index')!.some((v) => Number.isFinite(v))).to.equal(true);
  });

  it('keeps the English name in both languages unless an iName_zh column gives the Chinese', async () => {
    const registry = await loadRegistry(out);
    expect(registry.resolveFramework('asem2').definition.root.name).to.deep.equal({
      zh: 'Sustainable Connectivity',
      en: 'Sustainable Connectivity',
    });
    const meta = parseIMeta(
      'Level,iCode,iName,iName_zh,Direction,Weight,Parent,Type\n1,A,Alpha,甲,1,1,P,Indicator\n2,P,Pillar,支柱,1,1,I,Aggregate\n3,I,Index,指数,1,1,,Aggregate\n',
      'm.csv',
    );
    expect(meta.byCode.get('A')!.name).to.deep.equal({ zh: '甲', en: 'Alpha' });
  });

  it('refuses to overwrite an existing framework folder', async () => {
    await expectCliError(runImportCoinr(iMeta, { id: 'asem2', out }), /already exist/);
  });

  it('refuses codes that clash with the definitions already in the target folder, writing nothing', async () => {
    await expectCliError(
      runImportCoinr(iMeta, { id: 'asem3', out }),
      /duplicate id .*found "LPI", already the id of indicator asem2\/Conn\/Physical\/LPI\.json/,
    );
    expect(await readdir(out)).to.not.include('asem3');
  });

  it('without --methods writes the default methods and still passes the check', async () => {
    const other = path.join(out, 'other');
    await runImportCoinr(iMeta, { id: 'asem3', out: other });
    const registry = await loadRegistry(other);
    expect(registry.resolveFramework('asem3').definition.methods.imputation).to.deep.equal({
      method: 'none',
    });
  });

  const header = 'Level,iCode,iName,Direction,Weight,Parent,Type';
  const good = [
    '1,A,Alpha,1,1,P,Indicator',
    '1,B,Beta,-1,2,P,Indicator',
    '2,P,Pillar,1,1,I,Aggregate',
    '3,I,Index,1,1,,Aggregate',
  ];

  function problemsOf(text: string): { en: string[]; zh: string[] } {
    try {
      parseIMeta(text, 'm.csv');
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return {
        en: error.details.map((d) => `${d.where}: ${d.message}`),
        zh: error.details.map((d) => d.zh ?? ''),
      };
    }
    throw new Error('expected a ValidationError');
  }

  it('accepts a small good table', () => {
    const meta = parseIMeta([header, ...good].join('\n'), 'm.csv');
    expect(meta.root.code).to.equal('I');
    expect(meta.indicators.map((i) => i.code)).to.deep.equal(['A', 'B']);
  });

  it('names a missing column', () => {
    const p = problemsOf(['Level,iCode,iName,Direction,Parent,Type', '1,A,Alpha,1,P,Indicator'].join('\n'));
    expect(p.en).to.deep.equal([
      'm.csv: missing column "Weight" (an iMeta table needs Level, iCode, iName, Direction, Weight, Parent, Type)',
    ]);
    expect(p.zh[0]).to.include('缺少“Weight”列');
  });

  it('names the row and column of an unknown parent, a bad direction, a bad weight and a duplicate code', () => {
    const rows = [
      header,
      ...good,
      '1,C,Gamma,2,1,P,Indicator',
      '1,D,Delta,1,-1,P,Indicator',
      '1,E,Eps,1,1,Nowhere,Indicator',
      '1,A,Again,1,1,P,Indicator',
    ];
    const p = problemsOf(rows.join('\n'));
    expect(p.en).to.deep.equal([
      'm.csv row 6, column Direction: expected 1 (higher is better) or -1 (lower is better), found "2"',
      'm.csv row 7, column Weight: expected a number above 0, found "-1"',
      'm.csv row 9, column iCode: duplicate code "A" (also on row 2)',
      'm.csv row 8, column Parent: unknown parent "Nowhere" (no row has this iCode)',
    ]);
    expect(p.zh).to.deep.equal([
      'm.csv 第6行“Direction”列：应为 1（越高越好）或 -1（越低越好），实际为“2”',
      'm.csv 第7行“Weight”列：应为大于 0 的数，实际为“-1”',
      'm.csv 第9行“iCode”列：代码“A”重复（第2行已有）',
      'm.csv 第8行“Parent”列：上级“Nowhere”不存在（没有哪一行的 iCode 是它）',
    ]);
  });

  it('names a cycle of parents', () => {
    const rows = [
      header,
      '1,A,Alpha,1,1,P,Indicator',
      '2,P,Pillar,1,1,Q,Aggregate',
      '3,Q,Sub,1,1,P,Aggregate',
      '4,I,Index,1,1,,Aggregate',
    ];
    const p = problemsOf(rows.join('\n'));
    expect(p.en).to.include('m.csv row 3, column Parent: cycle in parents: P → Q → P');
    expect(p.en).to.include('m.csv row 4, column Parent: cycle in parents: Q → P → Q');
  });

  it('refuses an indicator right under the index, naming its row', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-coinr-bad-'));
    try {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(
        path.join(dir, 'x_iMeta.csv'),
        [header, '1,A,Alpha,1,1,I,Indicator', '2,I,Index,1,1,,Aggregate'].join('\n'),
      );
      await writeFile(path.join(dir, 'x_iData.csv'), 'uCode,uName,A\nU1,One,3\nU2,Two,5\n');
      await expectCliError(
        runImportCoinr(path.join(dir, 'x_iMeta.csv'), { id: 'x', out: path.join(dir, 'out') }),
        /x_iMeta\.csv row 2, column Parent: the indicator "A" hangs right under the index "I"/,
      );
      expect(await readdir(dir)).to.not.include('out');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

async function expectCliError(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  try {
    await promise;
  } catch (error) {
    expect((error as Error).name).to.equal('CliError');
    expect((error as Error).message).to.match(pattern);
    return;
  }
  throw new Error('expected a CliError');
}
