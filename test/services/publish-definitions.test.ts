/**
 * publishDefinitions: who may, what it refuses with nothing written (a stale basedOn, an empty
 * reason or change set, changes that change nothing, definitions with problems: every one listed
 * with its file and pointer), and what a publication does: the next version with its computed
 * changes, a definitions.publish audit event, and the new definitions at once through
 * services.registry and through HTTP requests to the running app (no restart).
 */
import { expect } from 'chai';
import { buildApp } from '../../server/app.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../server/errors.js';
import type { Actor } from '../../server/services/actor.js';
import { publishDefinitions } from '../../server/services/publish-definitions.js';
import { createServices, type Services } from '../../server/services/services.js';
import { appDeps, type TestAppDeps } from '../support/app-deps.js';
import { seedUser, type SeededUser } from '../support/auth.js';
import { serve, type Served } from '../support/http.js';
import { tempEmbeddedStore } from '../support/temp-store.js';
import { rejection } from '../support/rejection.js';

const researcher: Actor = { name: 'li', role: 'researcher', userId: 'usr_li' };
const FRAMEWORK = 'frameworks/default.json';

/** The seed's text of a file, with its first `"version": "…"` set to `version`. */
function withVersion(text: string, version: string): string {
  return text.replace(/"version": "[^"]+"/, `"version": "${version}"`);
}

describe('publishDefinitions', function () {
  this.timeout(60_000);
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let deps: TestAppDeps;
  let services: Services;
  let served: Served;
  let admin: SeededUser;
  let seedFramework: string;

  before(async () => {
    temp = await tempEmbeddedStore();
    deps = await appDeps(temp.store);
    services = createServices(temp.store, deps.catalogue);
    served = await serve(buildApp(deps));
    admin = await seedUser(temp.store, 'researcher', { login: 'researcher-http' });
    seedFramework = deps.catalogue.latest().files.find((f) => f.file === FRAMEWORK)?.text ?? '';
    expect(seedFramework).to.include('"version": "1.0.1"');
  });
  after(async () => {
    await served.close();
    await temp.dispose();
  });

  async function frameworkVersionOverHttp(): Promise<string | undefined> {
    const response = await fetch(`${served.url}/api/v1/frameworks`, { headers: admin.headers });
    const body = (await response.json()) as { items: { id: string; version: string }[] };
    return body.items.find((f) => f.id === 'default')?.version;
  }

  it('starts from the seed catalogue, version 1', () => {
    expect(services.catalogue.version()).to.equal(1);
    expect(services.registry.frameworks.get('default')?.definition.version).to.equal('1.0.1');
  });

  it('refuses an evaluator or a viewer (indicators.draft)', async () => {
    for (const role of ['evaluator', 'viewer'] as const) {
      const error = await rejection(
        publishDefinitions(
          services,
          { name: role, role, userId: null },
          {
            basedOn: 1,
            reason: 'x',
            changes: [{ file: FRAMEWORK, text: withVersion(seedFramework, '1.1.0') }],
          },
        ),
      );
      expect(error).to.be.instanceOf(ForbiddenError);
    }
  });

  it('refuses a stale basedOn, naming the current version', async () => {
    const error = await rejection(
      publishDefinitions(services, researcher, {
        basedOn: 7,
        reason: 'x',
        changes: [{ file: FRAMEWORK, text: withVersion(seedFramework, '1.1.0') }],
      }),
    );
    expect(error).to.be.instanceOf(ConflictError);
    expect(error.message).to.include('current version is 1');
  });

  it('refuses an empty reason and an empty or no-op change set', async () => {
    const change = [{ file: FRAMEWORK, text: withVersion(seedFramework, '1.1.0') }];
    for (const reason of ['', '   ', { zh: '', en: 'why' }]) {
      expect(
        await rejection(publishDefinitions(services, researcher, { basedOn: 1, reason, changes: change })),
      ).to.be.instanceOf(ValidationError);
    }
    const empty = await rejection(
      publishDefinitions(services, researcher, { basedOn: 1, reason: 'x', changes: [] }),
    );
    expect(empty).to.be.instanceOf(ValidationError);
    expect(empty.message).to.include('empty');
    const same = await rejection(
      publishDefinitions(services, researcher, {
        basedOn: 1,
        reason: 'x',
        changes: [{ file: FRAMEWORK, text: seedFramework }],
      }),
    );
    expect(same).to.be.instanceOf(ValidationError);
    expect(same.message).to.include('nothing to publish');
  });

  it('refuses definitions with problems, listing every one with its file and pointer', async () => {
    const badWeight = seedFramework.replace(
      '{ "id": "coverage", "weight": 0.25 }',
      '{ "id": "coverage", "weight": -1 }',
    );
    expect(badWeight).to.not.equal(seedFramework);
    const error = await rejection(
      publishDefinitions(services, researcher, {
        basedOn: 1,
        reason: 'two problems',
        changes: [
          { file: FRAMEWORK, text: badWeight },
          { file: 'coverage/broken.json', text: '{ "kind": "indicator", ' },
        ],
      }),
    );
    expect(error).to.be.instanceOf(ValidationError);
    const where = error instanceof ValidationError ? error.details.map((d) => d.where ?? '') : [];
    expect(where.some((w) => w.startsWith('coverage/broken.json'))).to.equal(true);
    expect(where.some((w) => w.startsWith(`${FRAMEWORK} /dimensions/0/weight`))).to.equal(true);
    expect(services.catalogue.version()).to.equal(1);
    expect(await temp.store.catalogue.list()).to.have.length(1);
    expect(
      await temp.store.audit.list({ action: 'definitions.publish', actor: researcher.name }),
    ).to.deep.equal([]);
  });

  it('publishes the next version with its changes, audits it and reloads every door', async () => {
    const version = await publishDefinitions(services, researcher, {
      basedOn: 1,
      reason: { zh: '默认框架升级', en: 'default framework revised' },
      changes: [{ file: FRAMEWORK, text: withVersion(seedFramework, '1.1.0') }],
    });
    expect(version.version).to.equal(2);
    expect(version.origin).to.equal('app');
    expect(version.basedOn).to.equal(1);
    expect(version.changes).to.deep.equal([
      { file: FRAMEWORK, change: 'changed', kind: 'framework', id: 'default', from: '1.0.1', to: '1.1.0' },
    ]);
    const [event] = await temp.store.audit.list({ action: 'definitions.publish', actor: researcher.name });
    expect(event?.target).to.equal('catalogue/2');
    expect(event?.detail).to.deep.include({
      version: 2,
      reason: { zh: '默认框架升级', en: 'default framework revised' },
      changes: [
        { file: FRAMEWORK, change: 'changed', kind: 'framework', id: 'default', from: '1.0.1', to: '1.1.0' },
      ],
    });
    expect(services.registry.frameworks.get('default')?.definition.version).to.equal('1.1.0');
    // The app was built before the publication, from the same catalogue: no restart.
    expect(await frameworkVersionOverHttp()).to.equal('1.1.0');
  });

  it('publishes over HTTP (POST /api/v1/catalogue) and lists the versions', async () => {
    const post = await fetch(`${served.url}/api/v1/catalogue`, {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        basedOn: 2,
        reason: '1.2.0',
        changes: [{ file: FRAMEWORK, text: withVersion(seedFramework, '1.2.0') }],
      }),
    });
    expect(post.status).to.equal(201);
    expect(((await post.json()) as { version: number }).version).to.equal(3);
    expect(await frameworkVersionOverHttp()).to.equal('1.2.0');
    expect(services.registry.frameworks.get('default')?.definition.version).to.equal('1.2.0');

    const stale = await fetch(`${served.url}/api/v1/catalogue`, {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        basedOn: 2,
        reason: 'late',
        changes: [{ file: FRAMEWORK, text: seedFramework }],
      }),
    });
    expect(stale.status).to.equal(409);

    const list = (await (
      await fetch(`${served.url}/api/v1/catalogue/versions`, { headers: admin.headers })
    ).json()) as {
      items: { version: number; origin: string }[];
    };
    expect(list.items.map((v) => [v.version, v.origin])).to.deep.equal([
      [3, 'app'],
      [2, 'app'],
      [1, 'seed'],
    ]);
    const one = (await (
      await fetch(`${served.url}/api/v1/catalogue/versions/1`, { headers: admin.headers })
    ).json()) as {
      files: { file: string; text: string }[];
    };
    expect(one.files.find((f) => f.file === FRAMEWORK)?.text).to.equal(seedFramework);
    expect(
      (await fetch(`${served.url}/api/v1/catalogue/versions/99`, { headers: admin.headers })).status,
    ).to.equal(404);
  });

  it('keeps older framework versions reachable', async () => {
    expect(
      (await services.catalogue.frameworkVersions('default')).map((v) => [v.version, v.catalogueVersion]),
    ).to.deep.equal([
      ['1.2.0', 3],
      ['1.1.0', 2],
      ['1.0.1', 1],
    ]);
    const old = await services.catalogue.resolveFrameworkVersion('default', '1.0.1');
    expect(old.definition.version).to.equal('1.0.1');
    expect(await rejection(services.catalogue.resolveFrameworkVersion('default', '9.9.9'))).to.have.property(
      'message',
      'framework default has no version 9.9.9 (known: 1.2.0, 1.1.0, 1.0.1)',
    );
  });
});
