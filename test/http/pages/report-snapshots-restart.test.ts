/**
 * Report pages after a restart come from the kept snapshot (issue 17: the first view after a
 * restart): a second app over the same store and snapshot folder, as a restarted server, answers
 * the demo city's ranking, unit and audit pages byte for byte as the first app did, without
 * reading the stored results; deleting a draft through its page removes the draft's snapshot.
 */
import { expect } from 'chai';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../../server/app.js';
import { loadDemo } from '../../../server/demo/load-demo.js';
import { runEvaluation } from '../../../server/evaluation/run-evaluation.js';
import { ReportSnapshots } from '../../../server/services/report-snapshots.js';
import type { Evaluation } from '../../../server/store/models/evaluation.js';
import { appDeps, type TestAppDeps } from '../../support/app-deps.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { serve, type Served } from '../../support/http.js';
import { tempEmbeddedStore } from '../../support/temp-store.js';

describe('pages: the first view after a restart comes from the kept snapshot', function () {
  this.timeout(180_000);
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let deps: TestAppDeps;
  let dir: string;
  let published: Evaluation;
  let admin: SeededUser;
  let pages: string[];
  let resultsRead: number;

  /** Serves a fresh app (a restarted server: nothing kept in memory) and fetches every page. */
  async function answersOfAFreshApp(): Promise<{ bodies: string[]; snapshots: ReportSnapshots }> {
    const snapshots = new ReportSnapshots(dir);
    const served: Served = await serve(buildApp({ ...deps, reportSnapshots: snapshots }));
    try {
      const bodies: string[] = [];
      for (const page of pages) {
        const response = await fetch(`${served.url}${page}`, { headers: { cookie: admin.cookie } });
        expect(response.status, page).to.equal(200);
        bodies.push(await response.text());
      }
      await snapshots.idle();
      return { bodies, snapshots };
    } finally {
      await served.close();
    }
  }

  before(async () => {
    temp = await tempEmbeddedStore();
    deps = await appDeps(temp.store);
    published = await loadDemo(temp.store, deps.registry);
    admin = await seedUser(temp.store, 'admin');
    dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-page-snapshots-'));
    const units = await temp.store.units.list();
    const codeOf = (level: string): string => units.find((unit) => unit.level === level)?.code ?? '';
    const base = `/evaluations/${published.id}`;
    pages = [
      base,
      `${base}?lang=en&sort=score&level=street`,
      `${base}?district=${codeOf('district')}&q=${encodeURIComponent('社区')}&sort=change`,
      `${base}/units/${codeOf('community')}`,
      `${base}/units/${codeOf('community')}?lang=en&period=2024`,
      `${base}/units/${codeOf('street')}`,
      `${base}/units/${codeOf('district')}?lang=en`,
      `${base}/audit`,
    ];
    const evaluations = temp.store.evaluations;
    const read = evaluations.readResults.bind(evaluations);
    resultsRead = 0;
    evaluations.readResults = async (id) => {
      resultsRead += 1;
      return read(id);
    };
  });

  after(async () => {
    await temp.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers every page byte for byte as before the restart, without reading the results', async () => {
    const first = await answersOfAFreshApp();
    expect(resultsRead).to.be.greaterThan(0);
    expect(await readdir(dir)).to.deep.equal([`${published.id}.${published.results?.sha256 ?? ''}.snapshot`]);

    resultsRead = 0;
    const again = await answersOfAFreshApp();
    expect(resultsRead).to.equal(0);
    again.bodies.forEach((body, i) => {
      expect(body, pages[i]).to.equal(first.bodies[i]);
    });
    expect(first.bodies[3]).to.include('<table');
  });

  it('removes a draft’s snapshot when the draft is deleted from its page', async () => {
    const draft = await runEvaluation(temp.store, deps.registry, {
      frameworkId: 'default',
      periods: ['2025'],
      actor: 'tester',
    });
    const snapshots = new ReportSnapshots(dir);
    const served = await serve(buildApp({ ...deps, reportSnapshots: snapshots }));
    try {
      const page = await fetch(`${served.url}/evaluations/${draft.id}`, {
        headers: { cookie: admin.cookie },
      });
      expect(page.status).to.equal(200);
      await snapshots.idle();
      expect(await readdir(dir)).to.include(`${draft.id}.${draft.results?.sha256 ?? ''}.snapshot`);
      const deleted = await fetch(`${served.url}/evaluations/${draft.id}/delete`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: admin.csrf }).toString(),
      });
      expect(deleted.status).to.equal(303);
      expect((await readdir(dir)).filter((name) => name.startsWith(`${draft.id}.`))).to.deep.equal([]);
      expect(await readdir(dir)).to.have.length(1);
    } finally {
      await served.close();
    }
  });
});
