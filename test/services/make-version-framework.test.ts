/**
 * A new version of an evaluation keeps the framework version the evaluation was made with, even
 * after a publication moved the catalogue's framework on; asked for another version, it uses that
 * one and the audit says which it used and which it left.
 */
import { expect } from 'chai';
import { NotFoundError } from '../../server/errors.js';
import type { Actor } from '../../server/services/actor.js';
import { makeVersion } from '../../server/services/make-version.js';
import { publishDefinitions } from '../../server/services/publish-definitions.js';
import { createServices, type Services } from '../../server/services/services.js';
import { demoApp, type DemoApp } from '../reports/demo-app.js';

const FRAMEWORK = 'frameworks/default.json';
const evaluator: Actor = { name: 'zhao', role: 'evaluator', userId: null };

describe('make a new version: the framework version', function () {
  this.timeout(180_000);
  let app: DemoApp;
  let services: Services;

  before(async () => {
    app = await demoApp();
    services = createServices(app.store, app.deps.catalogue);
    expect(app.demo.framework.id).to.equal('default');
    expect(app.demo.framework.version).to.equal('1.0.1');
    const text = services.catalogue.latest().files.find((f) => f.file === FRAMEWORK)?.text ?? '';
    await publishDefinitions(
      services,
      { name: 'li', role: 'researcher', userId: null },
      {
        basedOn: services.catalogue.version(),
        reason: '默认框架 1.1.0',
        changes: [{ file: FRAMEWORK, text: text.replace('"version": "1.0.1"', '"version": "1.1.0"') }],
      },
    );
    expect(services.registry.frameworks.get('default')?.definition.version).to.equal('1.1.0');
  });
  after(async () => {
    await app.close();
  });

  it('keeps the previous version’s framework version (1.0.1), not the catalogue’s newest', async () => {
    const version = await makeVersion(services, evaluator, {
      previous: app.demo.id,
      reason: '再算一次',
      uncertainty: null,
    });
    expect(version.framework.version).to.equal('1.0.1');
    expect(version.framework.hash).to.equal(app.demo.framework.hash);
    const [event] = await app.store.audit.list({ target: version.id, action: 'evaluation.version' });
    expect(event?.detail).to.deep.equal({
      supersedes: app.demo.id,
      reason: '再算一次',
      frameworkVersion: '1.0.1',
    });
    await app.store.evaluations.deleteDraft(version.id);
  });

  it('uses the framework version asked for (1.1.0), and the audit says it moved', async () => {
    const version = await makeVersion(services, evaluator, {
      previous: app.demo.id,
      reason: '改用框架 1.1.0',
      frameworkVersion: '1.1.0',
      uncertainty: null,
    });
    expect(version.framework.version).to.equal('1.1.0');
    const [event] = await app.store.audit.list({ target: version.id, action: 'evaluation.version' });
    expect(event?.detail).to.deep.equal({
      supersedes: app.demo.id,
      reason: '改用框架 1.1.0',
      frameworkVersion: '1.1.0',
      frameworkVersionBefore: '1.0.1',
    });
    await app.store.evaluations.deleteDraft(version.id);
  });

  it('refuses a framework version the catalogue never held, over the API too', async () => {
    const error = await makeVersion(services, evaluator, {
      previous: app.demo.id,
      reason: 'x',
      frameworkVersion: '9.9.9',
    }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NotFoundError);
    const response = await fetch(`${app.url}/api/v1/evaluations/${app.demo.id}/versions`, {
      method: 'POST',
      headers: {
        cookie: app.admin.cookie,
        'x-csrf-token': app.admin.csrf,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ reason: 'x', frameworkVersion: '9.9.9' }),
    });
    expect(response.status).to.equal(404);
    expect(((await response.json()) as { detail: string }).detail).to.include('has no version 9.9.9');
  });
});
