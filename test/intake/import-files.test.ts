import { expect } from 'chai';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { PayloadTooLargeError } from '../../server/errors.js';
import { importObservationsFile } from '../../server/services/import-observations-file.js';
import { importUnitsFile } from '../../server/services/import-units-file.js';
import type { IntakeVariable } from '../../server/intake/intake-variable.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import { templateCsv } from '../../server/indicators/template/template-csv.js';
import { DATA_FIRST_ROW, DATA_SHEET, templateXlsx } from '../../server/indicators/template/template-xlsx.js';
import type { ResolvedFramework } from '../../server/indicators/registry-types.js';
import { indicatorsDir } from '../../server/paths.js';
import type { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { tempEmbeddedStore } from '../support/temp-store.js';
import { testVariables } from './variables.js';

const gb = (text: string): Buffer => iconv.encode(text, 'gb18030');
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

const UNITS = [
  '单位代码,名称,层级,上级代码',
  'D1,江岸区,区,',
  'A,车站社区,社区,D1',
  'B,球场社区,社区,D1',
].join('\r\n');

/** A value the declaration accepts: its lower bound (or just above an exclusive one), else 1. */
function validValue(variable: IntakeVariable): number {
  if (variable.minimum !== undefined) return variable.minimum;
  if (variable.exclusiveMinimum !== undefined) return variable.exclusiveMinimum + 1;
  return 1;
}

describe('importing files into the store', function () {
  this.timeout(30_000);
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;

  before(async () => {
    ({ store, dispose } = await tempEmbeddedStore());
    const units = await importUnitsFile(
      store,
      { fileName: 'units.csv', bytes: gb(UNITS) },
      { actor: 'tester' },
    );
    expect(units.outcome).to.equal('committed');
  });

  after(async () => {
    await dispose();
  });

  it('imports a GB18030 CSV with Chinese headers end to end', async () => {
    const csv = gb('单位代码,常住户数,网格员人数,比例\r\nA,300,2,55.5\r\nB,120,1,\r\n');
    const result = await importObservationsFile(
      store,
      { fileName: '数据.csv', bytes: csv },
      { variables: testVariables, period: '2025', actor: 'tester' },
    );
    expect(result.outcome).to.equal('committed');
    expect(result.batch.counts).to.deep.equal({ rows: 2, stored: 2, errors: 0, warnings: 0 });
    const current = await store.observations.current({ period: '2025' });
    expect(current.map((o) => [o.unit, o.values])).to.deep.equal([
      ['A', { households: 300, grid_workers: 2, share: 55.5 }],
      ['B', { households: 120, grid_workers: 1 }],
    ]);
  });

  it('changes nothing when the same file is imported twice', async () => {
    const file = { fileName: 'twice.csv', bytes: utf8('unit_code,households\nA,301\n') };
    const options = { variables: testVariables, period: '2024', actor: 'tester' };
    const first = await importObservationsFile(store, file, options);
    const batchesBefore = await store.imports.list({ limit: 1000 });
    const second = await importObservationsFile(store, file, options);
    expect(second.outcome).to.equal('duplicate');
    expect(second.batch).to.deep.equal(first.batch);
    expect(await store.imports.list({ limit: 1000 })).to.deep.equal(batchesBefore);
  });

  it('lets a later file supersede a unit for the period, keeping the history', async () => {
    const options = { variables: testVariables, period: '2023', actor: 'tester' };
    await importObservationsFile(
      store,
      { fileName: 'v1.csv', bytes: utf8('unit_code,households\nA,10\nB,20\n') },
      options,
    );
    await importObservationsFile(
      store,
      { fileName: 'v2.csv', bytes: utf8('unit_code,households\nA,11\n') },
      options,
    );
    const current = await store.observations.current({ period: '2023' });
    expect(current.map((o) => [o.unit, o.values.households])).to.deep.equal([
      ['A', 11],
      ['B', 20],
    ]);
    expect((await store.observations.history('A', '2023')).map((o) => o.values.households)).to.deep.equal([
      11, 10,
    ]);
  });

  it('records a file with bad cells as a failed batch with its report, importing nothing', async () => {
    const bytes = utf8('unit_code,households\nA,12\nZ,-1\n');
    const result = await importObservationsFile(
      store,
      { fileName: 'bad.csv', bytes },
      { variables: testVariables, period: '2022', actor: 'tester' },
    );
    expect(result.outcome).to.equal('failed');
    expect(result.batch.issuesByReason).to.deep.equal({ unknown_unit: 1, negative_count: 1 });
    const stored = await store.imports.report(result.batch.id);
    expect(stored?.issues.map((i) => [i.row, i.column?.letter, i.reason])).to.deep.equal([
      [3, 'A', 'unknown_unit'],
      [3, 'B', 'negative_count'],
    ]);
    expect(await store.observations.current({ period: '2022' })).to.deep.equal([]);
  });

  it('refuses a file over the size limit, naming it', async () => {
    let caught: unknown;
    try {
      await importObservationsFile(
        store,
        { fileName: 'huge.csv', bytes: Buffer.alloc(2048, 0x41) },
        {
          variables: testVariables,
          period: '2025',
          actor: 'tester',
          maxBytes: 1024,
        },
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(PayloadTooLargeError);
    expect((caught as Error).message).to.match(/^huge\.csv is 0\.0 MB; the import limit is 0\.0 MB/);
  });

  describe('with the registry’s templates for the default framework', () => {
    let variables: readonly IntakeVariable[] = [];
    let framework: ResolvedFramework;

    before(async () => {
      framework = (await loadRegistry(indicatorsDir)).resolveFramework('default');
      variables = framework.variables;
    });

    it('imports a filled CSV template', async () => {
      const row = (unit: string): string => [unit, '2021', ...variables.map(validValue)].join(',');
      const text = `${templateCsv(framework)}${row('A')}\r\n${row('B')}\r\n`;
      const result = await importObservationsFile(
        store,
        { fileName: 'template.csv', bytes: utf8(text) },
        { variables, period: null, actor: 'tester' },
      );
      expect(result.report?.issues).to.deep.equal([]);
      expect(result.outcome).to.equal('committed');
      const current = await store.observations.current({ period: '2021' });
      expect(Object.keys(current[0]?.values ?? {})).to.have.length(variables.length);
    });

    it('imports a filled XLSX template, skipping its explanation rows', async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await templateXlsx(framework)) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet(DATA_SHEET);
      if (sheet === undefined) expect.fail('the template has no data sheet');
      sheet.getRow(DATA_FIRST_ROW).values = ['A', '2020', ...variables.map(validValue)];
      sheet.getRow(DATA_FIRST_ROW + 1).values = ['B', '2020', ...variables.map(validValue)];
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      const result = await importObservationsFile(
        store,
        { fileName: 'template.xlsx', bytes },
        { variables, period: '2020', actor: 'tester' },
      );
      expect(result.report?.issues).to.deep.equal([]);
      expect(result.batch.counts.rows).to.equal(2);
      expect(result.outcome).to.equal('committed');
    });
  });
});
