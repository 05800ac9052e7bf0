import { expect } from 'chai';
import { runEvaluation } from '../../server/evaluation/run-evaluation.js';
import { demoApp, importThroughPage, type DemoApp } from './demo-app.js';

describe('data-quality warnings from import to the methodology page (demo city)', function () {
  this.timeout(120_000);
  let app: DemoApp;

  before(async () => {
    app = await demoApp();
  });
  after(async () => {
    await app.close();
  });

  const get = async (path: string): Promise<string> =>
    (await fetch(`${app.url}${path}`, { headers: { cookie: `${app.admin.cookie}; zhili_lang=en` } })).text();

  it('rejects the 106 % file through the import page, naming row, column and rule', async () => {
    const csv = 'unit_code,households_in_grids,households\nWY01S01C00,4184,3934\n';
    const { html } = await importThroughPage(
      app.url,
      app.admin,
      { kind: 'observations', framework: 'default', period: '2025' },
      { name: 'grids.csv', text: csv },
    );
    expect(html).to.include('发现错误，未导入任何数据').and.include('B · households_in_grids');
    expect(html).to.include('households_in_grids &lt;&#x3D; households');
  });

  it('imports a warning-only file, shows its warnings, and lists them on the methodology page', async () => {
    // 5,000 households for 2 grid workers: 2,500 a worker, beyond the plausible 2,000 (a warning)
    const csv = 'unit_code,households,grid_workers\nWY01S01C01,5000,2\n';
    const { html } = await importThroughPage(
      app.url,
      app.admin,
      { kind: 'observations', framework: 'default', period: '2025' },
      { name: 'workers.csv', text: csv },
    );
    expect(html).to.include('导入成功').and.include('households_per_grid_worker &#x3D; 2500');
    const evaluation = await runEvaluation(app.store, app.deps.registry, {
      frameworkId: 'default',
      periods: ['2025'],
      actor: 'test',
    });
    const page = await get(`/evaluations/${evaluation.id}/methodology`);
    expect(page).to.include('Data quality').and.include('workers.csv');
    expect(page).to.include('indicator value out of its valid range');
    expect(page).to.include('households_per_grid_worker &#x3D; 2500');
  });
});
