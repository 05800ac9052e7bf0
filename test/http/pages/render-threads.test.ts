/**
 * The ranking and unit pages made on render threads (issue 17: the pages at national scale): once
 * the threads hold an evaluation's context, read from its snapshot, they answer the demo city's
 * pages byte for byte as the main thread makes them, for a reader of every unit and for one limited
 * to a district; with no snapshot to read, or with the threads gone, the main thread makes the pages.
 */
import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { buildApp } from '../../../server/app.js';
import { loadDemo } from '../../../server/demo/load-demo.js';
import { viewsDir } from '../../../server/paths.js';
import { ReportSnapshots } from '../../../server/services/report-snapshots.js';
import type { Evaluation } from '../../../server/store/models/evaluation.js';
import type { FromRenderThread } from '../../../server/workers/render-messages.js';
import { RenderPool } from '../../../server/workers/render-pool.js';
import { spawnTsWorker } from '../../../server/workers/spawn-ts-worker.js';
import { appDeps, type TestAppDeps } from '../../support/app-deps.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { serve } from '../../support/http.js';
import { tempEmbeddedStore } from '../../support/temp-store.js';

const THREADS = 2;

/** A pool whose threads report what they answer: contexts read, and pages made by a thread. */
function watchedPool(snapshotsDir: string): {
  pool: RenderPool;
  workers: Worker[];
  pagesMade: () => number;
  loaded: () => Promise<boolean[]>;
} {
  const workers: Worker[] = [];
  let made = 0;
  const loads: Promise<boolean>[] = [];
  const pool = new RenderPool(
    { threads: THREADS, viewsDir, snapshotsDir, capacity: 2, retryMs: 60_000 },
    () => {
      const worker = spawnTsWorker(new URL('../../../server/workers/render-worker.ts', import.meta.url));
      workers.push(worker);
      loads.push(
        new Promise((resolve) => {
          worker.on('message', (message: FromRenderThread) => {
            if (message.kind === 'loaded') resolve(message.ok);
            else if (message.html !== null) made += 1;
          });
        }),
      );
      if (workers.length === THREADS) started();
      return worker;
    },
  );
  let started = (): void => undefined;
  const allStarted = new Promise<void>((resolve) => {
    started = resolve;
  });
  // Threads start once the first page asked is answered: ask after that.
  const loaded = async (): Promise<boolean[]> => {
    await allStarted;
    return Promise.all(loads);
  };
  return { pool, workers, pagesMade: () => made, loaded };
}

describe('pages: the ranking and unit pages made on render threads', function () {
  this.timeout(180_000);
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let deps: TestAppDeps;
  let dir: string;
  let published: Evaluation;
  let admin: SeededUser;
  let scoped: SeededUser;
  let pages: string[];
  let scopedPages: string[];

  async function bodies(
    url: string,
    reader: SeededUser,
    list: readonly string[],
  ): Promise<{ statuses: number[]; texts: string[] }> {
    const statuses: number[] = [];
    const texts: string[] = [];
    for (const page of list) {
      const response = await fetch(`${url}${page}`, { headers: { cookie: reader.cookie } });
      statuses.push(response.status);
      texts.push(await response.text());
    }
    return { statuses, texts };
  }

  /** The pages as the main thread alone makes them (no render threads). */
  async function mainThreadPages(reader: SeededUser, list: readonly string[]): Promise<string[]> {
    const served = await serve(buildApp({ ...deps, reportSnapshots: new ReportSnapshots(dir) }));
    try {
      const { statuses, texts } = await bodies(served.url, reader, list);
      expect(statuses).to.deep.equal(list.map(() => 200));
      return texts;
    } finally {
      await served.close();
    }
  }

  /** Serves the app with a watched pool whose threads read snapshots from `threadsDir`, for `run`. */
  async function withThreads(
    threadsDir: string,
    run: (url: string, watched: ReturnType<typeof watchedPool>) => Promise<void>,
  ): Promise<void> {
    const watched = watchedPool(threadsDir);
    const served = await serve(
      buildApp({ ...deps, reportSnapshots: new ReportSnapshots(dir), renderPool: watched.pool }),
    );
    try {
      await run(served.url, watched);
    } finally {
      await served.close();
      await watched.pool.close();
    }
  }

  before(async () => {
    temp = await tempEmbeddedStore();
    deps = await appDeps(temp.store);
    published = await loadDemo(temp.store, deps.registry);
    admin = await seedUser(temp.store, 'admin');
    scoped = await seedUser(temp.store, 'viewer', { unitScope: ['WY03'] });
    dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-render-threads-'));
    const units = await temp.store.units.list();
    const inScope = (code: string): boolean => code.startsWith('WY03');
    const codeOf = (level: string, scope = (_: string) => true): string =>
      units.find((unit) => unit.level === level && scope(unit.code))?.code ?? '';
    const base = `/evaluations/${published.id}`;
    pages = [
      base,
      `${base}?lang=en&sort=score&level=street`,
      `${base}?district=${codeOf('district')}&q=${encodeURIComponent('社区')}&sort=change&dir=asc`,
      `${base}?peer=urban_large&page=2&period=2024`,
      `${base}?worsening=1&w.coverage=5&w.autonomy=1`,
      `${base}/units/${codeOf('community')}`,
      `${base}/units/${codeOf('community')}?lang=en&period=2024&sort=name`,
      `${base}/units/${codeOf('street')}`,
      `${base}/units/${codeOf('district')}?lang=en`,
    ];
    scopedPages = [
      base,
      `${base}?level=street&lang=en`,
      `${base}/units/${codeOf('community', inScope)}`,
      `${base}/units/WY03`,
    ];
    // The first app reads the results and keeps the snapshot the threads read.
    const snapshots = new ReportSnapshots(dir);
    const served = await serve(buildApp({ ...deps, reportSnapshots: snapshots }));
    try {
      expect((await fetch(`${served.url}${base}`, { headers: { cookie: admin.cookie } })).status).to.equal(
        200,
      );
      await snapshots.idle();
    } finally {
      await served.close();
    }
  });

  after(async () => {
    await temp.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers every page byte for byte as the main thread makes it, for every reader', async () => {
    const expected = await mainThreadPages(admin, pages);
    const expectedScoped = await mainThreadPages(scoped, scopedPages);
    await withThreads(dir, async (url, watched) => {
      // The first page is made by the main thread while the threads read the snapshot.
      const first = await bodies(url, admin, pages.slice(0, 1));
      expect(first.texts[0]).to.equal(expected[0]);
      expect(await watched.loaded()).to.deep.equal([true, true]);

      const before = watched.pagesMade();
      const answered = await bodies(url, admin, pages);
      const answeredScoped = await bodies(url, scoped, scopedPages);
      expect(watched.pagesMade() - before).to.equal(pages.length + scopedPages.length);
      answered.texts.forEach((text, i) => {
        expect(text, pages[i]).to.equal(expected[i]);
      });
      answeredScoped.texts.forEach((text, i) => {
        expect(text, scopedPages[i]).to.equal(expectedScoped[i]);
      });
      expect(answered.texts[5]).to.include('id="indicator-table"');
    });
  });

  it('keeps answering a unit outside a limited reader’s scope with 404', async () => {
    await withThreads(dir, async (url, watched) => {
      await bodies(url, scoped, scopedPages.slice(0, 1));
      expect(await watched.loaded()).to.deep.equal([true, true]);
      const outside = await bodies(url, scoped, [`/evaluations/${published.id}/units/WY01`]);
      expect(outside.statuses).to.deep.equal([404]);
    });
  });

  it('makes the pages on the main thread when the threads find no snapshot to read', async () => {
    const expected = await mainThreadPages(admin, pages);
    const empty = await mkdtemp(path.join(os.tmpdir(), 'zhili-render-threads-none-'));
    try {
      await withThreads(empty, async (url, watched) => {
        await bodies(url, admin, pages.slice(0, 1));
        expect(await watched.loaded()).to.deep.equal([false, false]);
        const answered = await bodies(url, admin, pages);
        expect(answered.texts).to.deep.equal(expected);
        expect(watched.pagesMade()).to.equal(0);
      });
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('makes the pages on the main thread once the threads are gone', async () => {
    const expected = await mainThreadPages(admin, pages);
    await withThreads(dir, async (url, watched) => {
      await bodies(url, admin, pages.slice(0, 1));
      expect(await watched.loaded()).to.deep.equal([true, true]);
      await Promise.all(watched.workers.map((worker) => worker.terminate()));
      const made = watched.pagesMade();
      const answered = await bodies(url, admin, pages);
      expect(answered.texts).to.deep.equal(expected);
      expect(watched.pagesMade()).to.equal(made);
    });
  });
});
