/**
 * /import/jobs/:id shows an import job only to whoever started it and to admins: another importer
 * gets the 404 of an unknown job, over the page and over GET /api/v1/jobs/:id alike (before, the
 * page showed any job to any importer, and jobs started from the page had no owner).
 */
import { expect } from 'chai';
import { buildApp } from '../../server/app.js';
import { appDeps } from '../support/app-deps.js';
import { seedUser, type SeededUser } from '../support/auth.js';
import { serve, type Served } from '../support/http.js';
import { tempEmbeddedStore } from '../support/temp-store.js';
import { settle } from '../http/api/api-fixture.js';
import { formBody } from '../reports/demo-app.js';

const REGISTER = 'code,name,level,parent\r\nD1,江岸区,district,\r\n';

describe('import job page: only its owner and admins may follow a job', function () {
  this.timeout(60_000);
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let served: Served;
  let owner: SeededUser;
  let other: SeededUser;
  let admin: SeededUser;
  let jobId = '';

  before(async () => {
    temp = await tempEmbeddedStore();
    served = await serve(buildApp(await appDeps(temp.store)));
    owner = await seedUser(temp.store, 'evaluator');
    other = await seedUser(temp.store, 'evaluator');
    admin = await seedUser(temp.store, 'admin');
    const { body, contentType } = formBody(
      { _csrf: owner.csrf, kind: 'units' },
      { name: 'units.csv', text: REGISTER },
    );
    const posted = await fetch(`${served.url}/import`, {
      method: 'POST',
      headers: { cookie: owner.cookie, 'content-type': contentType },
      body,
      redirect: 'manual',
    });
    jobId = /^\/import\/jobs\/([^/?]+)/.exec(posted.headers.get('location') ?? '')?.[1] ?? '';
    // Let the import finish before the store is removed.
    await settle(`${served.url}/api/v1`, jobId, owner);
  });

  after(async () => {
    await served.close();
    await temp.dispose();
  });

  const page = (user: SeededUser) =>
    fetch(`${served.url}/import/jobs/${jobId}`, { headers: { cookie: user.cookie }, redirect: 'manual' });
  const api = (user: SeededUser) => fetch(`${served.url}/api/v1/jobs/${jobId}`, { headers: user.headers });

  it('follows the job for the user who uploaded the file', async () => {
    expect(jobId).to.not.equal('');
    expect([200, 303]).to.include((await page(owner)).status);
    expect((await api(owner)).status).to.equal(200);
  });

  it('answers another importer 404 on the page and over the API', async () => {
    expect((await page(other)).status).to.equal(404);
    expect((await api(other)).status).to.equal(404);
  });

  it('lets an admin follow it', async () => {
    expect([200, 303]).to.include((await page(admin)).status);
    expect((await api(admin)).status).to.equal(200);
  });
});
