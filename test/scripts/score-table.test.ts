import { expect } from 'chai';
import iconv from 'iconv-lite';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ValidationError } from '../../server/errors.js';
import { readScoringData } from '../../scripts/commands/score-table.js';

describe('readScoringData (score’s table, read by the intake)', () => {
  let dir: string;
  let n = 0;
  const columns = { unitColumn: 'uCode', periodColumn: 'Time' };

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-score-table-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function file(bytes: Buffer | string): Promise<string> {
    n += 1;
    const name = path.join(dir, `data-${n}.csv`);
    await writeFile(name, bytes);
    return name;
  }

  async function refusal(name: string): Promise<ValidationError> {
    try {
      await readScoringData(name, columns);
    } catch (error) {
      if (error instanceof ValidationError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  }

  it('reads units, periods, numeric and text columns; blank lines skipped, text trimmed', async () => {
    const name = await file(
      'uName,uCode,Time,GDP,Group\n Austria ,AUT,2019,1.5,L\n\nBelgium,BEL,2018, 2 ,\nAustria,AUT,2018,,L\n',
    );
    const data = await readScoringData(name, columns);
    expect(data.units.codes).to.deep.equal(['AUT', 'BEL']);
    expect([...(data.units.attributes ?? [])]).to.deep.equal([
      ['uName', ['Austria', 'Belgium']],
      ['Group', ['L', undefined]],
    ]);
    expect(data.numericColumns).to.deep.equal(['GDP']);
    expect(data.periods.map((p) => [p.id, [...(p.variables.get('GDP') ?? [])]])).to.deep.equal([
      ['2018', [Number.NaN, 2]],
      ['2019', [1.5, Number.NaN]],
    ]);
  });

  it('reads GB18030 (Excel on a Chinese Windows) and a BOM, with full-width digits as numbers', async () => {
    const gb = await file(iconv.encode('单位,uCode,人口\r\n东城,A1,１２\r\n西城,A2,3\r\n', 'gb18030'));
    const data = await readScoringData(gb, columns);
    expect(data.units.codes).to.deep.equal(['A1', 'A2']);
    expect(data.units.attributes?.get('单位')).to.deep.equal(['东城', '西城']);
    expect([...(data.periods[0]?.variables.get('人口') ?? [])]).to.deep.equal([12, 3]);
    const bom = await file('\uFEFFuCode,x\nA,1\n');
    expect((await readScoringData(bom, columns)).numericColumns).to.deep.equal(['x']);
  });

  it('keeps a column with text in it as an attribute, not a variable', async () => {
    const name = await file('uCode,x,y\nA,1,0x10\nB,2,Infinity\n');
    const data = await readScoringData(name, columns);
    expect(data.numericColumns).to.deep.equal(['x']);
    expect(data.units.attributes?.get('y')).to.deep.equal(['0x10', 'Infinity']);
  });

  it('refuses a missing unit-code column, naming the columns there are', async () => {
    const error = await refusal(await file('code,x\nA,1\n'));
    expect(error.message).to.match(/has no column "uCode" \(the unit code\); columns: code, x$/);
    expect(error.zh).to.include('没有单位代码列“uCode”');
  });

  it('refuses a row without a unit code, naming the row and column', async () => {
    const error = await refusal(await file('x,uCode\n1,A\n2, \n'));
    expect(error.message).to.match(/, row 3, column B \(uCode\): no unit code$/);
    expect(error.zh).to.match(/, row 3, column B \(uCode\)：没有单位代码$/);
  });

  it('refuses a unit twice in a period, naming both rows', async () => {
    const error = await refusal(await file('uCode,Time,x\nA,2018,1\nB,2018,2\nA,2019,3\nA,2018,4\n'));
    expect(error.message).to.match(
      /, row 5, column A \(uCode\): unit A appears twice in 2018 \(already in row 2\)$/,
    );
    expect(error.zh).to.include('单位 A 在时期 2018 出现两次（第 2 行已有）');
  });
});
