import { expect } from 'chai';
import { importObservationsFile } from '../../server/services/import-observations-file.js';
import { importUnitsFile } from '../../server/services/import-units-file.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import type { ResolvedFramework } from '../../server/indicators/registry-types.js';
import { indicatorsDir } from '../../server/paths.js';
import type { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

const UNITS = [
  'unit_code,name,level,parent_code',
  'D1,江岸区,区,',
  'A,车站社区,社区,D1',
  'B,球场社区,社区,D1',
].join('\n');

describe('importing observations against the indicators’ rules', function () {
  this.timeout(30_000);
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;
  let framework: ResolvedFramework;

  before(async () => {
    ({ store, dispose } = await tempEmbeddedStore());
    framework = (await loadRegistry(indicatorsDir)).resolveFramework('default');
    const units = await importUnitsFile(
      store,
      { fileName: 'units.csv', bytes: utf8(UNITS) },
      { actor: 'tester' },
    );
    expect(units.outcome).to.equal('committed');
  });

  after(async () => {
    await dispose();
  });

  const importCsv = (fileName: string, text: string, period: string) =>
    importObservationsFile(
      store,
      { fileName, bytes: utf8(text) },
      { variables: framework.variables, rules: framework.rules, period, actor: 'tester' },
    );

  it('rejects the 106 % file whole, naming the row, the column and the rule', async () => {
    // Row 3 claims 4,184 households in grids out of 3,934 resident households.
    const result = await importCsv(
      'grids.csv',
      'unit_code,households_in_grids,households\nA,800,1000\nB,4184,3934\n',
      '2025',
    );
    expect(result.outcome).to.equal('failed');
    const breaches = (result.report?.issues ?? []).filter((i) => i.reason === 'rule_breach');
    expect(breaches.map((i) => [i.row, i.column?.letter, i.column?.header, i.severity])).to.deep.equal([
      [3, 'B', 'households_in_grids', 'error'],
    ]);
    expect(breaches[0]?.value).to.equal('households_in_grids = 4184, households = 3934');
    expect(breaches[0]?.expected).to.contain('households_in_grids <= households');
    expect(breaches[0]?.expected).to.contain('不能多于');
    const range = (result.report?.issues ?? []).filter((i) => i.reason === 'out_of_valid_range');
    expect(range.map((i) => [i.row, i.severity])).to.deep.equal([[3, 'error']]);
    expect(await store.observations.current({ period: '2025' })).to.deep.equal([]);
  });

  it('imports a file with only warnings and keeps them in the batch report', async () => {
    // 5,000 households for 2 grid workers is 2,500 a worker, beyond the plausible 2,000: a warning.
    const result = await importCsv(
      'workers.csv',
      'unit_code,households,grid_workers\nA,5000,2\nB,600,3\n',
      '2024',
    );
    expect(result.outcome).to.equal('committed');
    expect(result.batch.counts.warnings).to.equal(1);
    const stored = await store.imports.report(result.batch.id);
    expect(stored?.issues.map((i) => [i.row, i.reason, i.severity])).to.deep.equal([
      [2, 'out_of_valid_range', 'warning'],
    ]);
    expect(stored?.issues[0]?.value).to.contain('households_per_grid_worker = 2500');
    expect((await store.observations.current({ period: '2024' })).map((o) => o.unit)).to.deep.equal([
      'A',
      'B',
    ]);
  });

  it('leaves a rule unchecked when a row lacks one of its variables', async () => {
    const result = await importCsv('partial.csv', 'unit_code,households_in_grids\nA,4184\n', '2023');
    expect(result.outcome).to.equal('committed');
    expect(result.report?.issues).to.deep.equal([]);
  });
});

describe('importing observations: jumps and completeness', function () {
  this.timeout(30_000);
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;
  let framework: ResolvedFramework;

  before(async () => {
    ({ store, dispose } = await tempEmbeddedStore());
    framework = (await loadRegistry(indicatorsDir)).resolveFramework('default');
    await importUnitsFile(store, { fileName: 'units.csv', bytes: utf8(UNITS) }, { actor: 'tester' });
  });

  after(async () => {
    await dispose();
  });

  const importCsv = (text: string, period: string) =>
    importObservationsFile(
      store,
      { fileName: `${period}.csv`, bytes: utf8(text) },
      {
        variables: framework.variables,
        rules: framework.rules,
        jumps: { factor: 3 },
        period,
        actor: 'tester',
      },
    );

  it('warns of a value that jumps beyond the factor from the previous period, keeping the batch', async () => {
    expect((await importCsv('unit_code,households\nA,300\nB,500\n', '2024')).outcome).to.equal('committed');
    const result = await importCsv('unit_code,households\nA,1200\nB,520\n', '2025');
    expect(result.outcome).to.equal('committed');
    const jumps = (result.report?.issues ?? []).filter((i) => i.reason === 'jump');
    expect(jumps.map((i) => [i.row, i.column?.header, i.value, i.severity])).to.deep.equal([
      [2, 'households', '2024: 300 → 2025: 1200', 'warning'],
    ]);
  });

  it('reports the share of expected cells filled per street and district', async () => {
    const result = await importCsv('unit_code,households\nA,300\n', '2023');
    const variables = framework.variables.length;
    // D1 holds communities A and B; only A's households is filled
    expect(result.report?.completeness).to.deep.equal([
      { unit: 'D1', level: 'district', expected: 2 * variables, filled: 1, share: 1 / (2 * variables) },
    ]);
  });
});
