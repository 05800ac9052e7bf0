/**
 * The evaluation page links to its statistical audit for readers who may see the data behind it
 * (evaluators, researchers, admins) and every unit; an official (viewer) gets no link.
 */
import { expect } from 'chai';
import { buildApp } from '../../../server/app.js';
import { loadDemo } from '../../../server/demo/load-demo.js';
import type { Evaluation } from '../../../server/store/models/evaluation.js';
import { appDeps } from '../../support/app-deps.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { serve, type Served } from '../../support/http.js';
import { tempEmbeddedStore } from '../../support/temp-store.js';

describe('pages: the link from an evaluation to its statistical audit', function () {
  this.timeout(120_000);
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let served: Served;
  let published: Evaluation;

  const page = async (user: SeededUser): Promise<string> => {
    const response = await fetch(`${served.url}/evaluations/${published.id}?lang=en`, {
      headers: { cookie: user.cookie },
    });
    expect(response.status).to.equal(200);
    return response.text();
  };

  before(async () => {
    temp = await tempEmbeddedStore();
    const deps = await appDeps(temp.store);
    published = await loadDemo(temp.store, deps.registry);
    served = await serve(buildApp(deps));
  });

  after(async () => {
    await served.close();
    await temp.dispose();
  });

  for (const role of ['evaluator', 'researcher', 'admin'] as const) {
    it(`shows ${role === 'researcher' ? 'a' : 'an'} ${role} the link to the audit`, async () => {
      const html = await page(await seedUser(temp.store, role));
      expect(html).to.include(`href="/evaluations/${published.id}/audit">Statistical audit</a>`);
    });
  }

  it('shows a viewer no link to the audit', async () => {
    const html = await page(await seedUser(temp.store, 'viewer'));
    expect(html).to.not.include('/audit"');
    expect(html).to.not.include('Statistical audit');
  });
});
