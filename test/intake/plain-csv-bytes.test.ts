/**
 * The fast path reads a CSV's bytes (not its decoded text): hostile and odd files must give exactly
 * what the general way gives (same columns, same doubles, same report, same refusal), whether the
 * fast path takes them or hands them over.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import type { IntakeVariable } from '../../server/intake/intake-variable.js';
import { plainCheckedObservations, plainObservationColumns } from '../../server/intake/plain-csv-columns.js';
import { boundsOf, nextUp } from '../../server/intake/plain-csv-record.js';
import {
  observationColumnsThroughTable,
  readObservationColumns,
} from '../../server/intake/read-observation-columns.js';
import { readTable } from '../../server/intake/read-table.js';
import { UnitCodeTable } from '../../server/intake/unit-code-table.js';
import { checkObservations } from '../../server/intake/validate-observations.js';
import { testVariables } from './variables.js';

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const HEADER = 'unit_code,period,households,grid_workers,share';

/** Any number, so that the cell's reading (not a range) decides. */
const anyNumber: IntakeVariable = {
  name: 'value',
  type: 'number',
  label: { zh: '值', en: 'Value' },
  unit: { zh: '', en: '' },
};

interface Check {
  readonly variables: readonly IntakeVariable[];
  readonly knownUnits: ReadonlySet<string>;
  readonly period: string | null;
}

const failure = (error: unknown): Error => error as Error;

/** Both ways agree on the file; returns whether the fast path took it. */
async function sameBothWays(bytes: Buffer, check: Check): Promise<boolean> {
  const file = { fileName: 'data.csv', bytes };
  const general = await observationColumnsThroughTable(file, check).catch(failure);
  const read = await readObservationColumns(file, check).catch(failure);
  if (general instanceof Error || read instanceof Error) {
    expect(read, 'both refuse').to.be.instanceOf(Error);
    expect(general, 'both refuse').to.be.instanceOf(Error);
    expect((read as Error).message).to.equal((general as Error).message);
    return false;
  }
  expect([read.encoding, read.columns.codes, read.report]).to.deep.equal([
    general.encoding,
    general.columns.codes,
    general.report,
  ]);
  // Object.is per value: the same doubles, -0 and NaN included.
  const values = (columns: typeof read.columns): [string, string, number[]][] =>
    columns.periods.flatMap((p) =>
      [...p.variables].map(([name, c]): [string, string, number[]] => [p.id, name, [...c]]),
    );
  const mine = values(read.columns);
  const theirs = values(general.columns);
  expect(mine.map(([id, name, c]) => [id, name, c.length])).to.deep.equal(
    theirs.map(([id, name, c]) => [id, name, c.length]),
  );
  mine.forEach(([id, name, column], i) => {
    column.forEach((value, u) => {
      expect(Object.is(value, theirs[i]?.[2][u]), `${id} ${name} unit ${u}: ${value}`).to.equal(true);
    });
  });
  const plain = await plainCheckedObservations(file, check);
  if (plain !== undefined) {
    expect(plain).to.deep.equal(await checkObservations({ ...check, table: await readTable(file) }));
  }
  expect(read.plain).to.equal(plain !== undefined);
  return read.plain;
}

const known = new Set(['A', 'B', 'C', 'a-1', 'Z_9']);
const standard: Check = { variables: testVariables, knownUnits: known, period: null };

describe('the fast path on bytes, against the general way', () => {
  const cells = [
    '1e5',
    '-0',
    '+0',
    '.5',
    '5.',
    '-.5',
    '+.5e-3',
    '  3 ',
    '\t3',
    '0x10',
    '0b1',
    'Infinity',
    '-Infinity',
    'NaN',
    '1e308',
    '1e309',
    '-1e309',
    '123456789012345678901234567890',
    '999999999999999',
    '9999999999999999',
    '9007199254740993',
    '0.123456789012345',
    '0.1234567890123456',
    '123456789.123456',
    '0.000000000000001',
    '4.35',
    '0.1',
    '1.2.3',
    '--1',
    '+',
    '-',
    '.',
    'e5',
    '1_000',
    '１２',
    '３．５',
    '\u00a03',
    '\ufeff3',
    '\u000c3',
    '٣',
    '=1+2',
    '@x',
    '1 000',
  ];
  for (const cell of cells) {
    it(`reads ${JSON.stringify(cell)} as the general way does`, async () => {
      const bytes = utf8(`unit_code,period,value\nA,2025,${cell}\nB,2025,2\n`);
      await sameBothWays(bytes, { variables: [anyNumber], knownUnits: known, period: null });
    });
  }

  it('takes plain decimals, odd ones included, and gives Number()’s doubles', async () => {
    const texts = ['-0', '.5', '5.', '1e5', '  3 ', '0.1', '4.35', '9999999999999999', '1e308', '１２'];
    const bytes = utf8(`unit_code,period,value\n${texts.map((t, i) => `U${i},2025,${t}`).join('\n')}\n`);
    const units = new Set(texts.map((_, i) => `U${i}`));
    const check = { variables: [anyNumber], knownUnits: units, period: null };
    expect(await sameBothWays(bytes, check)).to.equal(true);
    const read = await readObservationColumns({ fileName: 'data.csv', bytes }, check);
    const column = [...(read.columns.periods[0]?.variables.get('value') ?? [])];
    expect(Object.is(column[0], -0)).to.equal(true);
    expect(column.slice(1)).to.deep.equal([0.5, 5, 100000, 3, 0.1, 4.35, 1e16, 1e308, 12]);
  });

  const files: [string, Buffer, boolean][] = [
    ['a non-ASCII unit code', utf8(`${HEADER}\n单位A,2025,1,2,3\n`), false],
    ['a name column in Chinese', utf8(`${HEADER},unit_name\nA,2025,1,2,3,甲乙丙\nB,2025,4,5,6,丁\n`), true],
    [
      'GB18030 with Chinese names and full-width digits',
      iconv.encode(
        `单位代码,时期,常住户数,网格员人数,比例,单位名称\r\nA,2025,３１,2,9.5,某街道\r\nB,2025,1,2,3,另一\r\n`,
        'gb18030',
      ),
      true,
    ],
    [
      'GB18030 whose trail bytes look like ASCII letters',
      iconv.encode(`单位代码,时期,常住户数,单位名称\r\nA,2025,1,丂乗\r\n`, 'gb18030'),
      true,
    ],
    [
      'UTF-16LE with its mark',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\r\nA,2025,1,2,3\r\n`, 'utf16le')]),
      true,
    ],
    ['a BOM and CRLF', utf8(`\ufeff${HEADER}\r\nA,2025,1,2,3\r\nB,2025,4,5,6\r\n`), true],
    [
      'a BOM but invalid UTF-8',
      Buffer.concat([utf8(`\ufeff${HEADER}\nA,2025,1,2,3\n`), Buffer.from([0xc3])]),
      false,
    ],
    ['a second BOM in the header', utf8(`\ufeff\ufeff${HEADER}\nA,2025,1,2,3\n`), true],
    ['quotes', utf8(`${HEADER}\n"A",2025,1,2,3\n`), false],
    ['an empty last line', utf8(`${HEADER}\nA,2025,1,2,3\n\n`), false],
    ['a last line of spaces', utf8(`${HEADER}\nA,2025,1,2,3\n   `), false],
    ['no final line break', utf8(`${HEADER}\r\nA,2025,1,2,3\r\nB,2025,4,5,6`), true],
    ['a NUL in a name column', utf8(`${HEADER},unit_name\nA,2025,1,2,3,x\u0000y\n`), false],
    ['a DEL in a name column', utf8(`${HEADER},unit_name\nA,2025,1,2,3,x\u007fy\n`), false],
    ['a vertical tab in a number', utf8(`${HEADER}\nA,2025,1\u000b,2,3\n`), false],
    ['a form feed in a number', utf8(`${HEADER}\nA,2025,1\u000c,2,3\n`), true],
    ['a control character in the header', utf8(`${HEADER}\u0001\nA,2025,1,2,3\n`), false],
    ['a control character past the header', utf8(`${HEADER}\nA,2025,1,2,3,\u0002\n`), false],
    ['spaces past the header', utf8(`${HEADER}\nA,2025,1,2,3,  ,\u3000\n`), true],
    ['text past the header', utf8(`${HEADER}\nA,2025,1,2,3,x\n`), false],
    [
      'an invalid UTF-8 byte in a name (GB18030 then)',
      Buffer.concat([utf8(`${HEADER},unit_name\nA,2025,1,2,3,`), Buffer.from([0xb5, 0xa5, 0x0a])]),
      true,
    ],
    ['a code starting with a hyphen', utf8(`${HEADER}\n-A,2025,1,2,3\n`), false],
    ['codes with hyphens and underscores', utf8(`${HEADER}\na-1,2025,1,2,3\nZ_9,2025,1,2,3\n`), true],
    ['a code of 65 characters', utf8(`${HEADER}\n${'A'.repeat(65)},2025,1,2,3\n`), false],
    ['a lower-case code not in the register', utf8(`${HEADER}\na,2025,1,2,3\n`), false],
    ['a code in full-width letters', utf8(`${HEADER}\nＡ,2025,1,2,3\n`), false],
    ['a period in full-width digits', utf8(`${HEADER}\nA,２０２５,1,2,3\n`), false],
    ['a period with a line-end look-alike', utf8(`${HEADER}\nA,2025\u2028,1,2,3\n`), false],
    [
      'periods alternating',
      utf8(`${HEADER}\nA,2025,1,2,3\nA,2024,4,5,6\nB,2025,7,8,9\nB,2024Q1,1,1,1\n`),
      true,
    ],
    ['semicolons with decimal commas', utf8(`unit_code;period;share\nA;2025;1,5\n`), false],
    ['tabs with a trailing tab', utf8(`unit_code\tperiod\thouseholds\nA\t2025\t3\t\n`), true],
  ];
  for (const [name, bytes, plain] of files) {
    it(`${plain ? 'takes' : 'hands over'} ${name}`, async () => {
      expect(await sameBothWays(bytes, standard)).to.equal(plain);
    });
  }

  it('checks exclusive bounds at the neighbouring doubles', async () => {
    const open: IntakeVariable = { ...anyNumber, exclusiveMinimum: 0, exclusiveMaximum: 1 };
    const texts = ['0', '-0', '5e-324', '0.5', '0.9999999999999999', '1', '0.99999999999999999'];
    for (const text of texts) {
      const bytes = utf8(`unit_code,period,value\nA,2025,${text}\n`);
      await sameBothWays(bytes, { variables: [open], knownUnits: known, period: null });
    }
    const closed: IntakeVariable = { ...anyNumber, type: 'integer', minimum: -2, maximum: 2 };
    for (const text of ['-2', '-2.0', '-3', '2', '2.5', '3', '1e0', '2e0', '0.5e1']) {
      const bytes = utf8(`unit_code,period,value\nA,2025,${text}\n`);
      await sameBothWays(bytes, { variables: [closed], knownUnits: known, period: null });
    }
  });

  it('grows past its estimate: short rows after a long first one, units missing in a period', async () => {
    const codes = Array.from({ length: 3000 }, (_, i) => `U${i}`);
    const lines = [`${HEADER},unit_name`, `U0,2025,1,2,3,${'x'.repeat(5000)}`];
    codes.slice(1).forEach((code, i) => lines.push(`${code},2025,${i},,${i % 100}`));
    codes.forEach((code, i) => {
      if (i % 3 === 0) lines.push(`${code},2024,${i},1,`);
    });
    const check = { variables: testVariables, knownUnits: new Set(codes), period: null };
    expect(await sameBothWays(utf8(`${lines.join('\n')}\n`), check)).to.equal(true);
  });

  it('finds a unit twice in a period among many', async () => {
    const codes = Array.from({ length: 5000 }, (_, i) => `C${String(i).padStart(7, '0')}`);
    const lines = [HEADER, ...codes.map((c) => `${c},2025,1,2,3`), `${codes[4321]},2025,1,2,3`];
    const check = { variables: testVariables, knownUnits: new Set(codes), period: null };
    expect(await sameBothWays(utf8(`${lines.join('\n')}\n`), check)).to.equal(false);
  });

  it('gives the fast path up for a file the general way reads (no false take)', async () => {
    const bytes = utf8(`${HEADER}\nA,2025,1,2,3\n`);
    expect(await plainObservationColumns({ fileName: 'data.csv', bytes }, standard)).to.not.equal(undefined);
  });
});

describe('the fast path on random CSVs, against the general way', () => {
  const cell = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('0', '1', '7', '12', '99.5', '100', '0.25', '', '3000') },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '-0',
        '.5',
        '5.',
        '1e2',
        ' 4 ',
        '１',
        '-1',
        '100.5',
        '1.5',
        '0x1',
        'NaN',
        '12345678901234567',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('"1"', 'x', '\u0001', '\u000c', '甲', '\r', '\n', ',', ';', '\t'),
    },
  );
  const code = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('A', 'B', 'C', 'a-1', 'Z_9') },
    { weight: 1, arbitrary: fc.constantFrom('', ' A', 'D', '单', 'period', '-A') },
  );
  const period = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('2025', '2024') },
    { weight: 1, arbitrary: fc.constantFrom('', '2025Q1', '2025年', ' 2025') },
  );
  const row = fc.tuple(code, period, fc.array(cell, { minLength: 0, maxLength: 5 }));
  const file = fc.record({
    rows: fc.array(row, { minLength: 1, maxLength: 8 }),
    lineEnd: fc.constantFrom('\n', '\r\n'),
    finalLineEnd: fc.boolean(),
    encoding: fc.constantFrom('utf8', 'utf8-bom', 'gb18030', 'utf16le-bom'),
    declared: fc.constantFrom(null, '2025'),
  });

  it('gives the same columns, doubles, report or refusal for any of them', async () => {
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(file, async ({ rows, lineEnd, finalLineEnd, encoding, declared }) => {
        const lines = [HEADER, ...rows.map(([c, p, cells]) => [c, p, ...cells].join(','))];
        const text = lines.join(lineEnd) + (finalLineEnd ? lineEnd : '');
        const bytes =
          encoding === 'gb18030'
            ? iconv.encode(text, 'gb18030')
            : encoding === 'utf16le-bom'
              ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
              : utf8(encoding === 'utf8-bom' ? `\ufeff${text}` : text);
        if (await sameBothWays(bytes, { ...standard, period: declared })) taken += 1;
      }),
      { numRuns: 400, seed: 17 },
    );
    expect(taken, 'files the fast path took').to.be.above(15);
  });
});

describe('UnitCodeTable', () => {
  it('tells codes apart by their bytes when every hash collides', () => {
    const text = Buffer.from('AB,BA,AB,A,ABC,BA,A,', 'latin1');
    const table = new UnitCodeTable(text, 2);
    const spans: [number, number][] = [];
    for (let at = 0; at < text.length;) {
      const end = text.indexOf(0x2c, at);
      spans.push([at, end]);
      at = end + 1;
    }
    const indices = spans.map(([from, to]) => table.intern(from, to, 0));
    expect(indices).to.deep.equal([0, 1, 0, 2, 3, 1, 2]);
    expect(table.strings()).to.deep.equal(['AB', 'BA', 'A', 'ABC']);
  });

  it('keeps every code through rehashing', () => {
    const codes = Array.from({ length: 10_000 }, (_, i) => `K${i}`);
    const text = Buffer.from(codes.join(','), 'latin1');
    const table = new UnitCodeTable(text, 1);
    let at = 0;
    const first = codes.map((code) => {
      const index = table.intern(at, at + code.length, code.length * 7919);
      at += code.length + 1;
      return index;
    });
    expect(first).to.deep.equal(codes.map((_, i) => i));
    expect(table.strings()).to.deep.equal(codes);
    expect(table.intern(0, 2, 2 * 7919)).to.equal(0);
  });

  it('gives no strings when empty', () => {
    expect(new UnitCodeTable(Buffer.alloc(0), 0).strings()).to.deep.equal([]);
  });
});

describe('nextUp and boundsOf', () => {
  it('steps to the neighbouring double', () => {
    expect(nextUp(0)).to.equal(Number.MIN_VALUE);
    expect(nextUp(-0)).to.equal(Number.MIN_VALUE);
    expect(nextUp(1)).to.equal(1 + Number.EPSILON);
    expect(nextUp(-1)).to.equal(-1 + Number.EPSILON / 2);
    expect(Object.is(nextUp(-Number.MIN_VALUE), -0)).to.equal(true);
    expect(nextUp(-Infinity)).to.equal(-Number.MAX_VALUE);
    expect(nextUp(Number.MAX_VALUE)).to.equal(Infinity);
    expect(nextUp(Infinity)).to.equal(Infinity);
    expect(Number.isNaN(nextUp(Number.NaN))).to.equal(true);
  });

  it('turns exclusive bounds into closed ones', () => {
    const { range, integer } = boundsOf([
      { ...anyNumber, exclusiveMinimum: 0, maximum: 100 },
      { ...anyNumber, type: 'integer', minimum: 5, exclusiveMinimum: 1, exclusiveMaximum: 10 },
      anyNumber,
    ]);
    expect([...range]).to.deep.equal([
      Number.MIN_VALUE,
      100,
      5,
      10 - Number.EPSILON * 8,
      -Infinity,
      Infinity,
    ]);
    expect([...integer]).to.deep.equal([0, 1, 0]);
  });
});
