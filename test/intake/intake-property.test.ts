/**
 * Property tests of the intake (issue 7): random bytes, random CSV-like text in every encoding
 * people send, and random damage to a real XLSX workbook. Whatever arrives, the readers and the
 * import functions either succeed or throw an AppError whose message names the file; no run takes
 * more than a few seconds; and an import that fails leaves the store exactly as it was.
 */
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { AppError } from '../../server/errors.js';
import { importObservationsFile } from '../../server/services/import-observations-file.js';
import { importUnitsFile } from '../../server/services/import-units-file.js';
import type { IntakeFile } from '../../server/intake/intake-file.js';
import { readTable } from '../../server/intake/read-table.js';
import { importRecords } from '../../server/store/import-records.js';
import type { Store } from '../../server/store/store.js';
import { batchesSince, snapshot, type Snapshot } from '../hardening/support/store-snapshot.js';
import { tempEmbeddedStore } from '../support/temp-store.js';
import { testVariables } from './variables.js';
import { readZip, writeZip, type ZipEntry } from './zip-parts.js';

/** The most one run may take: a reader that loops or backtracks badly fails here, not in CI's timeout. */
const BUDGET_MS = 3000;

/** Runs `work` on `file` and checks the property: success, or an AppError naming the file, in time. */
async function readsOrRefusesClearly<T>(
  file: IntakeFile,
  work: (file: IntakeFile) => Promise<T>,
): Promise<T | AppError> {
  const started = performance.now();
  let outcome: T | AppError;
  try {
    outcome = await work(file);
  } catch (error) {
    if (!(error instanceof AppError)) {
      throw new Error(`${file.fileName}: threw ${String(error)} (not an AppError)`, { cause: error });
    }
    expect(error.message, 'the message names the file').to.include(file.fileName);
    outcome = error;
  }
  expect(performance.now() - started, 'milliseconds for one run').to.be.below(BUDGET_MS);
  return outcome;
}

const bom = fc.constantFrom(
  Buffer.alloc(0),
  Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xfe, 0xff]),
  Buffer.from('PK\x03\x04', 'latin1'),
  Buffer.from('['),
  Buffer.from('{'),
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0]),
);

const randomBytes = fc
  .tuple(bom, fc.uint8Array({ maxLength: 2048 }))
  .map(([prefix, rest]) => Buffer.concat([prefix, Buffer.from(rest)]));

/** Pieces of text a data file is made of, and the ones that break readers. */
const token = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(',', ';', '\t', '"', '""', '\r\n', '\n', '\r', ' ', '\uFEFF', '\u0000'),
  },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'unit_code',
      'code',
      'name',
      'level',
      'parent',
      'period',
      'households',
      'grid_workers',
      'share',
      '单位代码',
      '名称',
      '层级',
      '社区',
      '区',
      'C1',
      'C2',
      'D1',
      '2025',
      '2025年',
      '1.5',
      '-3',
      '１２',
      '1e400',
      '=SUM(A1)',
      '@x',
      '$where',
      '__proto__',
      '｜',
    ),
  },
  { weight: 3, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 2, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(5000), '"'.repeat(301), ','.repeat(700)) },
);

const HEADERS = [
  'unit_code',
  'code',
  'name',
  'name_en',
  'level',
  'parent',
  'period',
  'households',
  'grid_workers',
  'share',
  'households｜常住户数（户）',
  '常住户数',
  'peer_group',
  'resident_population',
  'old_compound_share',
  'ward_no',
  '$where',
  '__proto__',
  'constructor',
  'a.b',
] as const;

const cell = fc.oneof(
  fc.constantFrom(
    'C1',
    'C2',
    'D1',
    '社区',
    'community',
    '区',
    '2025',
    '2024',
    '35%',
    '',
    ' ',
    '=1+1',
    '-0',
    '１２',
  ),
  fc.string({ maxLength: 6 }),
  fc.integer().map(String),
  fc.double().map(String),
);

function quoted(text: string, separator: string): string {
  return text.includes('"') || text.includes(separator) || /[\r\n]/.test(text)
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

/** Well-formed tables of plausible headers and cells: these get past the readers into the checks. */
const gridText = fc
  .record({
    separator: fc.constantFrom(',', ';', '\t'),
    header: fc.array(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 6 }),
    rows: fc.array(fc.array(cell, { maxLength: 7 }), { minLength: 1, maxLength: 20 }),
  })
  .map(({ separator, header, rows }) =>
    [header, ...rows].map((row) => row.map((c) => quoted(c, separator)).join(separator)).join('\r\n'),
  );

/** JSON data files: arrays of objects with plausible, hostile and random keys. */
const jsonText = fc
  .array(fc.dictionary(fc.constantFrom(...HEADERS), fc.jsonValue({ maxDepth: 2 })), {
    minLength: 1,
    maxLength: 10,
  })
  .map((rows) => JSON.stringify(rows));

/** JSON rows with one value nested deep (JSON.parse takes it; writing it back must not overflow). */
const deepJsonText = fc
  .integer({ min: 1, max: 200_000 })
  .map((depth) => `[{"code":"C1","name":${'['.repeat(depth)}${']'.repeat(depth)}}]`);

const csvLikeText = fc.oneof(
  gridText,
  jsonText,
  deepJsonText,
  fc.array(token, { maxLength: 200 }).map((tokens) => tokens.join('')),
  fc
    .tuple(
      fc.constantFrom(
        'unit_code,households,share\r\n',
        'code,name,level,parent\r\n',
        'unit_code;period;households\n',
      ),
      fc.array(token, { maxLength: 120 }),
    )
    .map(([header, tokens]) => header + tokens.join('')),
);

const encoding = fc.constantFrom(
  'utf8',
  'utf8-bom',
  'utf16le-bom',
  'utf16le',
  'utf16be-bom',
  'gb18030',
  'latin1',
  'mixed',
);

function encode(text: string, how: string): Buffer {
  switch (how) {
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16le':
      return Buffer.from(text, 'utf16le');
    case 'utf16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
    case 'latin1':
      return Buffer.from(text, 'latin1');
    case 'mixed': {
      const half = Math.floor(text.length / 2);
      return Buffer.concat([
        Buffer.from(text.slice(0, half), 'utf8'),
        iconv.encode(text.slice(half), 'gb18030'),
      ]);
    }
    default:
      return Buffer.from(text, 'utf8');
  }
}

const encodedText = fc.tuple(csvLikeText, encoding).map(([text, how]) => encode(text, how));

const anyInput = fc.oneof(randomBytes, encodedText);

/** A real workbook as exceljs writes it: the Data sheet with a header and a few rows. */
async function sampleWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据 Data');
  sheet.addRow(['unit_code', 'households', 'share', 'note']);
  sheet.addRow(['C1', 1200, 35.5, 'ok']);
  sheet.addRow([
    'C2',
    { formula: 'B2*2', result: 2400 },
    40,
    { richText: [{ text: '富' }, { text: 'text' }] },
  ]);
  sheet.addRow(['C3', new Date(Date.UTC(2025, 0, 31)), true, '=HYPERLINK("x")']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

type Mutation = (entries: ZipEntry[], zip: Buffer) => Buffer;

function entryMutation(seed: {
  index: number;
  offset: number;
  bytes: Uint8Array;
  name: string;
}): fc.Arbitrary<Mutation> {
  const pick = (entries: ZipEntry[]): number => seed.index % Math.max(entries.length, 1);
  const replaced = (entries: ZipEntry[], data: (old: Buffer) => Buffer): ZipEntry[] =>
    entries.map((entry, i) => (i === pick(entries) ? { name: entry.name, data: data(entry.data) } : entry));
  return fc.constantFrom<Mutation>(
    (_entries, zip) => zip.subarray(0, seed.offset % (zip.length + 1)),
    (_entries, zip) => {
      const copy = Buffer.from(zip);
      seed.bytes.forEach((byte, i) => {
        const at = (seed.offset + i * 7919) % copy.length;
        copy[at] = (copy[at] ?? 0) ^ (byte | 1);
      });
      return copy;
    },
    (entries) => writeZip(entries.filter((_, i) => i !== pick(entries))),
    (entries) => writeZip(replaced(entries, () => Buffer.from(seed.bytes))),
    (entries) => writeZip(replaced(entries, (old) => old.subarray(0, seed.offset % (old.length + 1)))),
    (entries) =>
      writeZip(
        replaced(entries, (old) => {
          const at = seed.offset % (old.length + 1);
          return Buffer.concat([old.subarray(0, at), Buffer.from(seed.bytes), old.subarray(at)]);
        }),
      ),
    (entries) => writeZip([...entries, { name: seed.name, data: Buffer.from(seed.bytes) }]),
    (entries) => writeZip([...entries, entries[pick(entries)] ?? { name: seed.name, data: Buffer.alloc(0) }]),
    (entries) => writeZip(entries, false),
  );
}

const mutationSeed = fc.record({
  index: fc.nat(),
  offset: fc.nat(),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  name: fc.constantFrom(
    'xl/worksheets/sheet2.xml',
    'xl/sharedStrings.xml',
    'xl/workbook.xml',
    '../../outside.txt',
    '/absolute.xml',
    '[Content_Types].xml',
    'xl/media/image1.png',
    '数据.xml',
  ),
});

describe('intake properties', function () {
  this.timeout(60_000);

  it('reads random bytes and CSV-like text in any encoding, or refuses them naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(anyInput, async (bytes) => {
        const outcome = await readsOrRefusesClearly({ fileName: 'fuzz.csv', bytes }, readTable);
        if (!(outcome instanceof AppError)) {
          expect(outcome.headers.length).to.be.greaterThan(0);
          expect(outcome.rows.length).to.be.greaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reads a damaged XLSX workbook, or refuses it naming the file', async () => {
    const workbook = await sampleWorkbook();
    const entries = readZip(workbook);
    expect(entries.map((e) => e.name)).to.include('xl/workbook.xml');
    const intact = await readTable({ fileName: 'intact.xlsx', bytes: writeZip(entries) });
    expect(intact.headers).to.deep.equal(['unit_code', 'households', 'share', 'note']);
    await fc.assert(
      fc.asyncProperty(
        mutationSeed.chain((seed) => entryMutation(seed)),
        async (mutate) => {
          const bytes = mutate(
            entries.map((e) => ({ name: e.name, data: Buffer.from(e.data) })),
            workbook,
          );
          await readsOrRefusesClearly({ fileName: 'fuzz.xlsx', bytes }, readTable);
        },
      ),
      { numRuns: 150 },
    );
  });

  describe('imports into a store', () => {
    let store: Store;
    let dispose: (() => Promise<void>) | undefined;
    let seen: Snapshot;

    before(async () => {
      const temp = await tempEmbeddedStore();
      store = temp.store;
      dispose = temp.dispose;
      await importRecords(
        store,
        {
          kind: 'units',
          actor: 'test',
          fileName: 'u.json',
          sha256: 'c'.repeat(64),
          period: null,
          periods: [],
        },
        ['C1', 'C2'].map((code) => ({
          code,
          name: { zh: code, en: code },
          level: 'community',
          parent: null,
          attributes: {},
        })),
        { tally: { rows: 2, errors: 0, warnings: 0 } },
      );
      seen = await snapshot(store);
    });

    after(async () => {
      await dispose?.();
    });

    /** A failed import changed nothing a reader sees and left no rows; a committed one moves the baseline. */
    async function checkStore(
      outcome: { outcome: string } | AppError,
      known: ReadonlySet<string>,
    ): Promise<void> {
      if (!(outcome instanceof AppError) && outcome.outcome === 'committed') {
        seen = await snapshot(store);
        return;
      }
      expect(await snapshot(store)).to.deep.equal(seen);
      for (const { batch, rows } of await batchesSince(store, known)) {
        expect(batch.status).to.equal('failed');
        expect(rows).to.equal(0);
      }
    }

    it('observations: success, or an AppError naming the file and nothing written', async () => {
      await fc.assert(
        fc.asyncProperty(anyInput, async (bytes) => {
          const known = new Set((await store.imports.list({ limit: 1000 })).map((b) => b.id));
          const outcome = await readsOrRefusesClearly({ fileName: 'obs-fuzz.csv', bytes }, (file) =>
            importObservationsFile(store, file, { variables: testVariables, period: '2025', actor: 'fuzz' }),
          );
          await checkStore(outcome, known);
        }),
        { numRuns: 150 },
      );
    });

    it('units: success, or an AppError naming the file and nothing written', async () => {
      await fc.assert(
        fc.asyncProperty(anyInput, async (bytes) => {
          const known = new Set((await store.imports.list({ limit: 1000 })).map((b) => b.id));
          const outcome = await readsOrRefusesClearly({ fileName: 'units-fuzz.csv', bytes }, (file) =>
            importUnitsFile(store, file, { actor: 'fuzz' }),
          );
          await checkStore(outcome, known);
        }),
        { numRuns: 150 },
      );
    });
  });
});
