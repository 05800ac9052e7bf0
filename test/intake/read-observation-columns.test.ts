import { expect } from 'chai';
import iconv from 'iconv-lite';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import type { ResolvedFramework } from '../../server/indicators/registry-types.js';
import { indicatorsDir } from '../../server/paths.js';
import { plainCheckedObservations, plainObservationColumns } from '../../server/intake/plain-csv-columns.js';
import { readTable } from '../../server/intake/read-table.js';
import { checkObservations } from '../../server/intake/validate-observations.js';
import {
  observationColumnsThroughTable,
  readObservationColumns,
} from '../../server/intake/read-observation-columns.js';
import { testVariables } from './variables.js';

const HEADER = 'unit_code｜单位代码,period｜时期,households｜常住户数（户）,grid_workers,share';
const knownUnits = new Set(['A', 'B', 'C', 'period']);

interface Case {
  readonly name: string;
  readonly bytes: Buffer;
  readonly period?: string | null;
  /** Whether the fast path takes the file (else it hands it to the general way). */
  readonly plain: boolean;
}

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

const cases: Case[] = [
  { name: 'CRLF', bytes: utf8(`${HEADER}\r\nA,2025,300,2,50.5\r\nB,2025,,1,7\r\n`), plain: true },
  {
    name: 'LF, no final line break',
    bytes: utf8(`${HEADER}\nA,2025,300,2,50.5\nB,2025,12,,0.125`),
    plain: true,
  },
  { name: 'UTF-8 with BOM', bytes: utf8(`\uFEFF${HEADER}\r\nA,2025,1,2,3\r\n`), plain: true },
  {
    name: 'GB18030',
    bytes: iconv.encode(`单位代码,时期,常住户数,网格员人数,比例\r\nA,2025,31,2,9.5\r\n`, 'gb18030'),
    plain: true,
  },
  { name: 'semicolons', bytes: utf8(`unit_code;period;households;share\r\nA;2025;3;4.5\r\n`), plain: true },
  { name: 'tabs', bytes: utf8(`unit_code\tperiod\thouseholds\r\nA\t2025\t3\r\n`), plain: true },
  {
    name: 'odd but sound numbers',
    bytes: utf8(`${HEADER}\nA,2025,007,+3,.5\nB,2025,12.0,1,5.\nC,2025,1e3,2, 7 \n`),
    plain: true,
  },
  { name: 'full-width digits', bytes: utf8(`${HEADER}\nA,2025,１２,3,4\n`), plain: true },
  { name: '16 and more digits', bytes: utf8(`${HEADER}\nA,2025,1,2,12.34567890123456789\n`), plain: true },
  {
    name: 'declared period, blank and matching cells',
    bytes: utf8(`${HEADER}\nA,,1,2,3\nB,2025,4,5,6\n`),
    period: '2025',
    plain: true,
  },
  {
    name: 'no period column',
    bytes: utf8(`unit_code,households\nA,1\nB,2\n`),
    period: '2025Q3',
    plain: true,
  },
  {
    name: 'several periods',
    bytes: utf8(`${HEADER}\nA,2025,1,2,3\nA,2024,4,5,6\nB,2024,7,8,9\n`),
    plain: true,
  },
  { name: 'short rows', bytes: utf8(`${HEADER}\nA,2025,1\nB,2025\n`), plain: true },
  { name: 'blank cells past the header', bytes: utf8(`${HEADER}\nA,2025,1,2,3,,\n`), plain: true },
  {
    name: 'unknown and name columns (warnings)',
    bytes: utf8(`${HEADER},备注,unit_name\nA,2025,1,2,3,x,甲\n`),
    plain: true,
  },
  {
    name: 'quoted fields',
    bytes: utf8(`${HEADER}\r\n"A","2025","1,0",2,3\r\nB,2025,"4\n",5,6\r\n`),
    plain: false,
  },
  { name: 'a quote inside a field', bytes: utf8(`${HEADER}\nA,2025,1,2,3\nB,2025,4,5,6"\n`), plain: false },
  { name: 'mixed line endings', bytes: utf8(`${HEADER}\r\nA,2025,1,2,3\nB,2025,4,5,6\r\n`), plain: false },
  { name: 'lone CR in a CRLF file', bytes: utf8(`${HEADER}\r\nA,2025,1\r,2,3\r\n`), plain: false },
  { name: 'CR in an LF file', bytes: utf8(`${HEADER}\nA,2025,1,2,3\r\n`), plain: false },
  { name: 'old Mac line endings', bytes: utf8(`${HEADER}\rA,2025,1,2,3\r`), plain: false },
  { name: 'a blank line', bytes: utf8(`${HEADER}\nA,2025,1,2,3\n\nB,2025,4,5,6\n`), plain: false },
  { name: 'a template note row', bytes: utf8(`${HEADER}\nperiod,2025,1,2,3\nA,2025,1,2,3\n`), plain: false },
  {
    name: 'bad cells',
    bytes: utf8(
      [
        HEADER,
        'A,2025,300,2,50.5',
        'B,2025,-3,1,101',
        'C,2025,=1+2,x,',
        'A,2025,10,1,',
        ',2025,1,1,',
        'A,2024,5,1.5,',
        'D,2025年,1,1,1',
      ].join('\r\n'),
    ),
    period: '2025',
    plain: false,
  },
  {
    name: 'a unit not in the register',
    bytes: utf8(`${HEADER}\nA,2025,1,2,3\nZ,2025,1,2,3\n`),
    plain: false,
  },
  { name: 'a unit twice in a period', bytes: utf8(`${HEADER}\nA,2025,1,2,3\nA,2025,1,2,3\n`), plain: false },
  {
    name: 'a unit twice in its second period',
    bytes: utf8(`${HEADER}\nA,2025,1,2,3\nA,2024,1,2,3\nB,2024,1,2,3\nA,2024,4,5,6\n`),
    plain: false,
  },
  { name: 'a formula look-alike', bytes: utf8(`${HEADER}\nA,2025,@1,2,3\n`), plain: false },
  { name: 'a value out of range', bytes: utf8(`${HEADER}\nA,2025,1,2,100.5\n`), plain: false },
  { name: 'a non-integer count', bytes: utf8(`${HEADER}\nA,2025,1.5,2,3\n`), plain: false },
  { name: 'a period that needs reading', bytes: utf8(`${HEADER}\nA,2025年,1,2,3\n`), plain: false },
  { name: 'a unit code with spaces', bytes: utf8(`${HEADER}\n A ,2025,1,2,3\n`), plain: false },
  { name: 'extra cells', bytes: utf8(`${HEADER}\nA,2025,1,2,3,4\n`), plain: false },
  { name: 'a repeated column', bytes: utf8(`${HEADER},share\nA,2025,1,2,3,4\n`), plain: false },
  { name: 'header only', bytes: utf8(`${HEADER}\r\n`), plain: false },
];

describe('readObservationColumns', () => {
  for (const { name, bytes, period = null, plain } of cases) {
    it(`gives the same columns and report as the general way: ${name}`, async () => {
      const file = { fileName: 'data.csv', bytes };
      const check = { variables: testVariables, knownUnits, period };
      const failure = (error: unknown): Error => error as Error;
      const general = await observationColumnsThroughTable(file, check).catch(failure);
      const read = await readObservationColumns(file, check).catch(failure);
      if (general instanceof Error || read instanceof Error) {
        expect(read).to.be.instanceOf(Error);
        expect(general).to.be.instanceOf(Error);
        expect((read as Error).message).to.equal((general as Error).message);
        return;
      }
      expect([read.encoding, read.columns, read.report]).to.deep.equal([
        general.encoding,
        general.columns,
        general.report,
      ]);
      expect(Boolean(await plainObservationColumns(file, check)), 'fast path taken').to.equal(plain);
    });

    if (plain) {
      it(`gives the import the same rows and report as checkObservations: ${name}`, async () => {
        const file = { fileName: 'data.csv', bytes };
        const check = { variables: testVariables, knownUnits, period };
        const expected = await checkObservations({ ...check, table: await readTable(file) });
        expect(await plainCheckedObservations(file, check)).to.deep.equal(expected);
      });
    }
  }

  it('lays out units in the order of their first row, NaN where nothing was reported', async () => {
    const bytes = utf8(`${HEADER}\nB,2025,3,,0.1\nA,2024,7,1,\nA,2025,,2,99.99\n`);
    const read = await readObservationColumns(
      { fileName: 'data.csv', bytes },
      { variables: testVariables, knownUnits, period: null },
    );
    expect(read.plain).to.equal(true);
    expect(read.columns.codes).to.deep.equal(['B', 'A']);
    const columns = (id: string): number[][] =>
      [...(read.columns.periods.find((p) => p.id === id)?.variables.values() ?? [])].map((c) => [...c]);
    expect(read.columns.periods.map((p) => p.id)).to.deep.equal(['2024', '2025']);
    expect(columns('2024')).to.deep.equal([
      [Number.NaN, 7],
      [Number.NaN, 1],
      [Number.NaN, Number.NaN],
    ]);
    expect(columns('2025')).to.deep.equal([
      [3, Number.NaN],
      [Number.NaN, 2],
      [0.1, 99.99],
    ]);
    expect(read.report).to.deep.include({ rows: 3, errors: 0, warnings: 0 });
  });

  it('reads decimals exactly as Number() does', async () => {
    const texts = ['0.1', '0.3', '123456789012.345', '99.995', '-0', '0.000000000000001', '5.', '.25'];
    const bytes = utf8(`unit_code,period,share\n${texts.map((t, i) => `U${i},2025,${t}`).join('\n')}\n`);
    const variables = [{ ...testVariables[2]!, minimum: -1, maximum: 1e15 }];
    const read = await readObservationColumns(
      { fileName: 'data.csv', bytes },
      { variables, knownUnits: new Set(texts.map((_, i) => `U${i}`)), period: null },
    );
    expect(read.plain).to.equal(true);
    expect([...(read.columns.periods[0]?.variables.get('share') ?? [])]).to.deep.equal(texts.map(Number));
  });
});

describe('plainCheckedObservations with the framework’s rules', () => {
  let framework: ResolvedFramework;

  before(async () => {
    framework = (await loadRegistry(indicatorsDir)).resolveFramework('default');
  });

  const files = {
    sound: 'unit_code,households_in_grids,households\nA,800,1000\nB,3000,3934\n',
    breach: 'unit_code,households_in_grids,households\nA,800,1000\nB,4184,3934\n',
  };

  for (const [name, text] of Object.entries(files)) {
    it(`gives what checkObservations gives: ${name}`, async () => {
      const file = { fileName: 'grids.csv', bytes: utf8(text) };
      const check = { variables: framework.variables, rules: framework.rules, knownUnits, period: '2025' };
      const expected = await checkObservations({ ...check, table: await readTable(file) });
      const plain = await plainCheckedObservations(file, check);
      if (name === 'breach') {
        expect(plain).to.equal(undefined);
        expect(expected.report.errors).to.be.above(0);
      } else expect(plain).to.deep.equal(expected);
    });
  }
});
