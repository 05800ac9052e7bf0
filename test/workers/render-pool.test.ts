/**
 * The render pool when its threads cannot help: a thread that cannot start, or one that fails while
 * starting, is reported once, its pages are left to the caller (the pool answers undefined), and
 * none is started again at once. (Pages made by threads: test/http/pages/render-threads.test.ts.)
 */
import { expect } from 'chai';
import { Worker } from 'node:worker_threads';
import { viewsDir } from '../../server/paths.js';
import type { ReportContext } from '../../server/reports/context/report-context.js';
import type { UnitPageRequest } from '../../server/reports/views/report-page-models.js';
import { RenderPool } from '../../server/workers/render-pool.js';
import { demoContext } from '../reports/demo-context.js';

const REQUEST: UnitPageRequest = {
  page: 'unit',
  lang: 'zh',
  unit: 0,
  period: 0,
  sort: { key: 'score', dir: 'desc' },
  pageQuery: {},
  scopeRoots: null,
  printedAt: 0,
};
const ACCOUNT = { viewer: null, csrf: 'token' };

/** Resolves once the pool has had its turn after a page (threads start after the page is answered). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('render pool: threads that cannot help', function () {
  this.timeout(60_000);
  let context: ReportContext;
  let dispose: () => Promise<void>;

  before(async () => {
    ({ context, dispose } = await demoContext());
  });

  after(async () => {
    await dispose();
  });

  it('leaves every page to the caller and reports once when a thread cannot start', async () => {
    const lost: unknown[] = [];
    let spawned = 0;
    const pool = new RenderPool(
      { threads: 1, viewsDir, snapshotsDir: '.', capacity: 1, onThreadLost: (error) => lost.push(error) },
      () => {
        spawned += 1;
        throw new Error('no threads here');
      },
    );
    for (let i = 0; i < 3; i++) {
      expect(await pool.render(context, REQUEST, ACCOUNT)).to.equal(undefined);
      await nextTurn();
    }
    expect(spawned).to.equal(1);
    expect(lost.map((error) => (error as Error).message)).to.deep.equal(['no threads here']);
    await pool.close();
  });

  it('reports a thread that fails as it starts, and starts none again at once', async () => {
    const lost: unknown[] = [];
    let spawned = 0;
    let failed = (): void => undefined;
    const failure = new Promise<void>((resolve) => {
      failed = resolve;
    });
    const pool = new RenderPool(
      {
        threads: 1,
        viewsDir,
        snapshotsDir: '.',
        capacity: 1,
        onThreadLost: (error) => {
          lost.push(error);
          failed();
        },
      },
      () => {
        spawned += 1;
        return new Worker('throw new Error("broken thread")', { eval: true });
      },
    );
    expect(await pool.render(context, REQUEST, ACCOUNT)).to.equal(undefined);
    await failure;
    expect(await pool.render(context, REQUEST, ACCOUNT)).to.equal(undefined);
    await nextTurn();
    expect(spawned).to.equal(1);
    expect(lost.map((error) => (error as Error).message)).to.deep.equal(['broken thread']);
    await pool.close();
  });
});
