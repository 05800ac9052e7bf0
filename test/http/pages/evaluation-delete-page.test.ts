/**
 * The delete button on a draft evaluation's page (issue 2): evaluators and admins see it on a
 * draft, nobody sees it on a published evaluation, a researcher (who may read drafts) does not
 * see it; the form needs the session's CSRF token, deletes the draft, audits it and goes back to
 * the list.
 */
import { expect } from 'chai';
import { buildApp } from '../../../server/app.js';
import { loadDemo } from '../../../server/demo/load-demo.js';
import { runEvaluation } from '../../../server/evaluation/run-evaluation.js';
import type { Evaluation } from '../../../server/store/models/evaluation.js';
import { appDeps } from '../../support/app-deps.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { serve, type Served } from '../../support/http.js';
import { tempEmbeddedStore } from '../../support/temp-store.js';

describe('pages: deleting a draft evaluation from its page', function () {
  this.timeout(120_000);
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let served: Served;
  let published: Evaluation;
  let draft: Evaluation;
  let evaluator: SeededUser;
  let researcher: SeededUser;

  const page = async (path: string, user: SeededUser): Promise<string> => {
    const response = await fetch(`${served.url}${path}?lang=en`, { headers: { cookie: user.cookie } });
    expect(response.status).to.equal(200);
    return response.text();
  };
  const postDelete = (id: string, user: SeededUser, csrf: string) =>
    fetch(`${served.url}/evaluations/${id}/delete`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: user.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
    });

  before(async () => {
    temp = await tempEmbeddedStore();
    const deps = await appDeps(temp.store);
    published = await loadDemo(temp.store, deps.registry);
    draft = await runEvaluation(temp.store, deps.registry, {
      frameworkId: 'default',
      periods: ['2025'],
      actor: 'tester',
    });
    evaluator = await seedUser(temp.store, 'evaluator');
    researcher = await seedUser(temp.store, 'researcher');
    served = await serve(buildApp(deps));
  });

  after(async () => {
    await served.close();
    await temp.dispose();
  });

  it('shows an evaluator a delete form with the session’s CSRF token on a draft', async () => {
    const html = await page(`/evaluations/${draft.id}`, evaluator);
    expect(html).to.include(`action="/evaluations/${draft.id}/delete"`);
    expect(html).to.include(`name="_csrf" value="${evaluator.csrf}"`);
    expect(html).to.include('Delete this draft');
  });

  it('shows no delete form on a published evaluation', async () => {
    const html = await page(`/evaluations/${published.id}`, evaluator);
    expect(html).to.not.include('/delete"');
    expect(html).to.not.include('Delete this draft');
  });

  it('shows a researcher the draft but no delete form', async () => {
    const html = await page(`/evaluations/${draft.id}`, researcher);
    expect(html).to.not.include('Delete this draft');
  });

  it('refuses the form without the CSRF token and keeps the draft', async () => {
    const response = await postDelete(draft.id, evaluator, 'not-the-token');
    expect(response.status).to.equal(403);
    expect(await temp.store.evaluations.get(draft.id)).to.not.equal(undefined);
  });

  it('refuses a researcher who posts the form', async () => {
    const response = await postDelete(draft.id, researcher, researcher.csrf);
    expect(response.status).to.equal(403);
    expect(await temp.store.evaluations.get(draft.id)).to.not.equal(undefined);
  });

  it('deletes the draft for an evaluator, audits it and returns to the list', async () => {
    const response = await postDelete(draft.id, evaluator, evaluator.csrf);
    expect(response.status).to.equal(303);
    expect(response.headers.get('location')).to.equal('/evaluations');
    expect(await temp.store.evaluations.get(draft.id)).to.equal(undefined);
    const [event] = await temp.store.audit.list({ action: 'evaluation.delete' });
    expect(event).to.deep.include({ actor: evaluator.user.login, target: draft.id });
  });
});
