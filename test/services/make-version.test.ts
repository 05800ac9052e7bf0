/**
 * The new-version use case: it needs evaluations.run, stores a draft that cites the published
 * evaluation, and audits evaluation.version with the reason.
 */
import { expect } from 'chai';
import { ForbiddenError } from '../../server/errors.js';
import type { Actor } from '../../server/services/actor.js';
import { makeVersion } from '../../server/services/make-version.js';
import { demoApp, type DemoApp } from '../reports/demo-app.js';

describe('make a new version (use case)', function () {
  this.timeout(120_000);
  let app: DemoApp;
  before(async () => {
    app = await demoApp();
  });
  after(async () => {
    await app.close();
  });

  it('refuses a researcher and stores no new version', async () => {
    const researcher: Actor = { name: 'qian', role: 'researcher', userId: null };
    const error = await makeVersion(app.deps, researcher, { previous: app.demo.id, reason: '试一试' }).catch(
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ForbiddenError);
    expect((await app.store.evaluations.versions(app.demo.id)).map((e) => e.id)).to.deep.equal([app.demo.id]);
  });

  it('stores a draft citing the published evaluation and audits evaluation.version with the reason', async () => {
    const evaluator: Actor = { name: 'zhao', role: 'evaluator', userId: null };
    const reason = { zh: '改用熵权法', en: 'Entropy weights' };
    const version = await makeVersion(app.deps, evaluator, {
      previous: app.demo.id,
      reason,
      uncertainty: null,
    });
    expect([version.status, version.supersedes, version.version]).to.deep.equal(['draft', app.demo.id, 2]);
    const events = await app.store.audit.list({ target: version.id });
    expect(events.map((e) => [e.action, e.actor, e.detail])).to.deep.equal([
      [
        'evaluation.version',
        'zhao',
        { supersedes: app.demo.id, reason, frameworkVersion: app.demo.framework.version },
      ],
    ]);
  });
});
