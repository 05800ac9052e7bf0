/**
 * `import confirm BATCH` and `import return BATCH --reason T` on the direct path (no server holds
 * the store): the review use case runs for the console user, and its refusals are CLI errors.
 */
import { expect } from 'chai';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { registerImport } from '../../scripts/commands/import.js';
import { withStore } from '../../scripts/commands/with-store.js';
import type { ImportBatch } from '../../server/domain/import-batch.js';
import { cliHarness } from './cli-harness.js';

describe('CLI: import confirm and import return', function () {
  this.timeout(30_000);
  let cli: Awaited<ReturnType<typeof cliHarness>>;
  const saved = process.env.INIT_CWD;
  const batches = (): Promise<ImportBatch[]> =>
    withStore(async (store) => store.imports.list({ kind: 'observations' }));

  before(async () => {
    cli = await cliHarness((program) => {
      registerImport(program);
    });
    process.env.INIT_CWD = cli.dataDir;
    const units =
      'code,name,level,parent\nD1,东区,district,\nD1S1,一街道,street,D1\nD1S1C1,甲社区,community,D1S1\n';
    await writeFile(path.join(cli.dataDir, 'units.csv'), units);
    await writeFile(path.join(cli.dataDir, 'a.csv'), 'unit_code,households\nD1S1C1,300\n');
    await writeFile(path.join(cli.dataDir, 'b.csv'), 'unit_code,households\nD1S1C1,310\n');
    const imports = [
      ['import', 'units', 'units.csv'],
      ['import', 'data', 'a.csv', '--period', '2025'],
      ['import', 'data', 'b.csv', '--period', '2025'],
    ];
    for (const args of imports) {
      const run = await cli.run(args);
      expect(run.error, run.stderr).to.equal(undefined);
    }
  });
  after(async () => {
    if (saved === undefined) Reflect.deleteProperty(process.env, 'INIT_CWD');
    else process.env.INIT_CWD = saved;
    await cli.dispose();
  });

  it('confirms a batch with a note and returns another with a reason, as the console user', async () => {
    const [b, a] = await batches();
    const confirmed = await cli.run(['import', 'confirm', a?.id ?? '', '--reason', '与台账一致']);
    expect(confirmed.error, confirmed.stderr).to.equal(undefined);
    const returned = await cli.run(['import', 'return', b?.id ?? '', '--reason', '户数与台账不符']);
    expect(returned.error, returned.stderr).to.equal(undefined);
    const [nowB, nowA] = await batches();
    expect(nowA?.review).to.include({ decision: 'confirmed', reason: '与台账一致' });
    expect(nowB?.review).to.include({ decision: 'returned', reason: '户数与台账不符' });
    expect(nowA?.review?.by).to.match(/^cli/);
    const events = await withStore((store) => store.audit.list({ action: 'batch.return' }));
    expect(events.map((e) => e.target)).to.deep.equal([b?.id]);
  });

  it('refuses a return without a reason, a second review and an unknown batch', async () => {
    const [b] = await batches();
    const bare = await cli.run(['import', 'return', b?.id ?? '']);
    expect(bare.error?.message).to.include('--reason');
    const again = await cli.run(['import', 'confirm', b?.id ?? '']);
    expect(again.error?.exitCode).to.equal(1);
    const unknown = await cli.run(['import', 'confirm', 'imp_nope']);
    expect(unknown.error?.message).to.include('imp_nope');
  });
});
