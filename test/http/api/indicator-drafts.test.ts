import { expect } from 'chai';
import { buildApp } from '../../../server/app.js';
import type { DraftCheck } from '../../../server/indicators/check-draft.js';
import { draftIndicator } from '../../indicators/draft-indicator.js';
import { appDeps } from '../../support/app-deps.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { serve, type Served } from '../../support/http.js';
import { tempEmbeddedStore } from '../../support/temp-store.js';
import { call } from './api-fixture.js';

interface Problem {
  code: string;
  status: number;
}

describe('API: checking an indicator draft', function () {
  this.timeout(30_000);
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let served: Served;
  let url: string;
  let viewer: SeededUser;
  let evaluator: SeededUser;
  let researcher: SeededUser;
  let admin: SeededUser;

  before(async () => {
    temp = await tempEmbeddedStore();
    served = await serve(buildApp(await appDeps(temp.store)));
    url = `${served.url}/api/v1/indicator-drafts/check`;
    viewer = await seedUser(temp.store, 'viewer');
    evaluator = await seedUser(temp.store, 'evaluator');
    researcher = await seedUser(temp.store, 'researcher');
    admin = await seedUser(temp.store, 'admin');
  });

  after(async () => {
    await served.close();
    await temp.dispose();
  });

  it('answers a researcher 200 with the passing fixtures of a valid draft', async () => {
    const answer = await call<DraftCheck>(url, { method: 'POST', as: researcher, json: draftIndicator() });
    expect(answer.status).to.equal(200);
    expect(answer.body.ok).to.equal(true);
    expect(answer.body.problems).to.deep.equal([]);
    expect(answer.body.fixtures.map((f) => [f.computed, f.ok])).to.deep.equal([
      [{ value: 75 }, true],
      [{ value: null, reason: 'division_by_zero' }, true],
    ]);
  });

  it('answers 200 with ok false and every problem by pointer for a broken draft', async () => {
    const draft = draftIndicator({
      dimension: 'happiness',
      formula: 'alone_elders_visited / alone_elders * bonus',
    });
    const answer = await call<DraftCheck>(url, { method: 'POST', as: admin, json: draft });
    expect(answer.status).to.equal(200);
    expect(answer.body.ok).to.equal(false);
    expect(answer.body.problems.map((p) => p.where)).to.include.members(['/dimension', '/formula']);
  });

  it('answers 400 naming the limit for a draft nested deeper than 64 levels, not a stack overflow', async () => {
    const draft = JSON.stringify(draftIndicator());
    const body = `${draft.slice(0, -1)}, "notes": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const answer = await call<Problem & { detail: string; errors: { where: string }[] }>(url, {
      method: 'POST',
      as: researcher,
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect([answer.status, answer.body.code]).to.deep.equal([400, 'validation_failed']);
    expect(answer.body.detail).to.include('64 levels');
    expect(answer.body.errors[0]?.where).to.equal(`body/notes${'/0'.repeat(63)}`);
  });

  it('still checks a draft nested exactly 64 levels deep', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 63; i += 1) deep = [deep];
    const answer = await call<DraftCheck>(url, {
      method: 'POST',
      as: researcher,
      json: { ...draftIndicator(), notes: deep },
    });
    expect(answer.status).to.equal(200);
    expect(answer.body.problems.map((p) => p.where)).to.include('/notes');
  });

  it('refuses a viewer and an evaluator with 403', async () => {
    for (const as of [viewer, evaluator]) {
      const answer = await call<Problem>(url, { method: 'POST', as, json: draftIndicator() });
      expect(answer.status).to.equal(403);
      expect(answer.body.code).to.equal('forbidden');
    }
  });

  it('asks a browser session for its CSRF token, and writes nothing to the audit log', async () => {
    const headers = { cookie: researcher.cookie };
    const without = await call(url, { method: 'POST', headers, json: draftIndicator() });
    expect(without.status).to.equal(403);
    const withToken = await call<DraftCheck>(url, {
      method: 'POST',
      headers: { ...headers, 'x-csrf-token': researcher.csrf },
      json: draftIndicator(),
    });
    expect(withToken.status).to.equal(200);
    expect(withToken.body.ok).to.equal(true);
    expect(await temp.store.audit.list({ actor: researcher.user.login })).to.deep.equal([]);
  });
});
