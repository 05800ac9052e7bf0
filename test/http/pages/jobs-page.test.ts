/**
 * GET /api/v1/jobs and the /jobs page list the caller's own jobs, newest first, from the store
 * (so they outlive a restart): another evaluator sees none of them, an admin sees everyone's over
 * the API; the page links each job to where it is followed, and is not for viewers.
 */
import { expect } from 'chai';
import { buildApp } from '../../../server/app.js';
import { appDeps } from '../../support/app-deps.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { serve, type Served } from '../../support/http.js';
import { tempEmbeddedStore } from '../../support/temp-store.js';
import { call, settle } from '../api/api-fixture.js';

const REGISTER = 'code,name,level,parent\r\nD1,江岸区,district,\r\nD2,江汉区,district,\r\n';

interface JobPage {
  items: { id: string; kind: string; status: string }[];
  limit: number;
  offset: number;
  next: number | null;
}

describe('jobs list: the API and the /jobs page', function () {
  this.timeout(60_000);
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let served: Served;
  let owner: SeededUser;
  let other: SeededUser;
  let admin: SeededUser;
  let viewer: SeededUser;
  const jobIds: string[] = [];

  before(async () => {
    temp = await tempEmbeddedStore();
    served = await serve(buildApp(await appDeps(temp.store)));
    owner = await seedUser(temp.store, 'evaluator');
    other = await seedUser(temp.store, 'evaluator');
    admin = await seedUser(temp.store, 'admin');
    viewer = await seedUser(temp.store, 'viewer');
    for (const file of [REGISTER, `${REGISTER}D3,硚口区,district,\r\n`]) {
      const started = await call<{ id: string }>(`${served.url}/api/v1/imports?kind=units`, {
        method: 'POST',
        as: owner,
        headers: { 'content-type': 'text/csv' },
        body: file,
      });
      expect(started.status).to.equal(202);
      jobIds.push(started.body.id);
      await settle(`${served.url}/api/v1`, started.body.id, owner);
    }
  });

  after(async () => {
    await served.close();
    await temp.dispose();
  });

  const list = (as: SeededUser, query = '') => call<JobPage>(`${served.url}/api/v1/jobs${query}`, { as });

  it('lists the owner’s jobs newest first', async () => {
    const answer = await list(owner);
    expect(answer.status).to.equal(200);
    expect(answer.body.items.map((j) => j.id)).to.deep.equal([...jobIds].reverse());
    expect(answer.body.items.map((j) => [j.kind, j.status])).to.deep.equal([
      ['import-units', 'succeeded'],
      ['import-units', 'succeeded'],
    ]);
  });

  it('pages the list like the other lists', async () => {
    const first = await list(owner, '?limit=1');
    expect([first.body.items.map((j) => j.id), first.body.next]).to.deep.equal([[jobIds[1]], 1]);
    const second = await list(owner, '?limit=1&offset=1');
    expect([second.body.items.map((j) => j.id), second.body.next]).to.deep.equal([[jobIds[0]], null]);
    expect((await list(owner, '?limit=0')).status).to.equal(400);
  });

  it('shows another evaluator none of them, and an admin everyone’s', async () => {
    expect((await list(other)).body.items).to.deep.equal([]);
    expect((await list(admin)).body.items.map((j) => j.id)).to.include.members(jobIds);
  });

  it('shows the owner a page linking each job to its import page', async () => {
    const page = await fetch(`${served.url}/jobs?lang=zh`, { headers: { cookie: owner.cookie } });
    const html = await page.text();
    expect(page.status).to.equal(200);
    for (const id of jobIds) expect(html).to.include(`href="/import/jobs/${id}"`);
    expect(html).to.include('导入单位名册');
    expect(html).to.include('已完成');
  });

  it('refuses the page to a viewer, who starts no jobs', async () => {
    const page = await fetch(`${served.url}/jobs`, {
      headers: { cookie: viewer.cookie },
      redirect: 'manual',
    });
    expect(page.status).to.equal(403);
  });
});
