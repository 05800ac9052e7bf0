/**
 * Publishing: the use case checks evaluations.publish, freezes the draft, audits
 * evaluation.publish, and the evaluation's own pages say 已发布 / Published right after a publish
 * over the API (before, they kept showing 草稿 / Draft from the report cache until a restart).
 */
import { expect } from 'chai';
import type { Evaluation } from '../../server/store/models/evaluation.js';
import { ForbiddenError } from '../../server/errors.js';
import { cliActor, type Actor } from '../../server/services/actor.js';
import { createEvaluation } from '../../server/services/create-evaluation.js';
import { publishEvaluation } from '../../server/services/publish-evaluation.js';
import { seedUser } from '../support/auth.js';
import { demoApp, type DemoApp } from '../reports/demo-app.js';
import { Visitor } from '../reports/http/visitor.js';

/** The status badge of the evaluation page. */
const BADGE = /<span class="badge( draft)?">([^<]*)<\/span>/;
/** The status row of the methodology page's facts. */
const STATUS_ROW = /<dt>状态<\/dt><dd>([^<]*)<\/dd>/;

describe('publish an evaluation (use case)', function () {
  this.timeout(120_000);
  let app: DemoApp;
  const evaluator: Actor = { name: 'wang', role: 'evaluator', userId: null };

  before(async () => {
    app = await demoApp();
  });
  after(async () => {
    await app.close();
  });

  async function draft(): Promise<Evaluation> {
    return createEvaluation(app.deps, cliActor('cli:test'), { framework: 'default', periods: ['2025'] });
  }

  it('refuses a researcher (403) and leaves the draft unpublished and unaudited', async () => {
    const evaluation = await draft();
    const researcher: Actor = { name: 'qian', role: 'researcher', userId: null };
    const error = await publishEvaluation(app.deps, researcher, evaluation.id).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ForbiddenError);
    expect((await app.store.evaluations.get(evaluation.id))!.status).to.equal('draft');
    const actions = (await app.store.audit.list({ target: evaluation.id })).map((e) => e.action);
    expect(actions).to.deep.equal(['evaluation.create']);
  });

  it('publishes a draft as the actor and audits evaluation.publish with its framework and periods', async () => {
    const evaluation = await draft();
    const published = await publishEvaluation(app.deps, evaluator, evaluation.id);
    expect([published.status, published.publishedBy]).to.deep.equal(['published', 'wang']);
    const [event] = await app.store.audit.list({ target: evaluation.id, action: 'evaluation.publish' });
    expect([event!.actor, event!.detail]).to.deep.equal([
      'wang',
      { framework: 'default', periods: ['2025'] },
    ]);
  });

  it('shows 已发布 on the evaluation page and its methodology page right after POST /publish', async () => {
    const evaluation = await draft();
    const page = new Visitor(app.url, app.admin.cookie);
    const before = await page.get(`/evaluations/${evaluation.id}`);
    expect(BADGE.exec(before.html)?.slice(1)).to.deep.equal([' draft', '草稿']);
    const draftMethodology = (await page.get(`/evaluations/${evaluation.id}/methodology`)).html;
    expect(STATUS_ROW.exec(draftMethodology)?.[1]).to.equal('草稿');
    const publisher = await seedUser(app.store, 'evaluator');
    const answer = await fetch(`${app.url}/api/v1/evaluations/${evaluation.id}/publish`, {
      method: 'POST',
      headers: publisher.headers,
    });
    expect(answer.status).to.equal(200);
    const after = await page.get(`/evaluations/${evaluation.id}`);
    expect(BADGE.exec(after.html)?.slice(1)).to.deep.equal([undefined, '已发布']);
    expect(after.headers.get('etag')).to.not.equal(before.headers.get('etag'));
    const methodology = (await page.get(`/evaluations/${evaluation.id}/methodology`)).html;
    expect(STATUS_ROW.exec(methodology)?.[1]).to.equal('已发布');
  });
});
