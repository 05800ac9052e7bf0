/**
 * Several Zhili processes on one store (one MongoDB, in production): a definitions version that one
 * process publishes reaches the others' catalogues within the recheck interval, without a restart,
 * through their HTTP doors too. Each "process" here is its own DefinitionCatalogue and app over the
 * same store, the second on a hand-moved clock so the interval is crossed without waiting.
 */
import { expect } from 'chai';
import { pino } from 'pino';
import { buildApp } from '../../server/app.js';
import { loadViews } from '../../server/http/views.js';
import { viewsDir } from '../../server/paths.js';
import type { Actor } from '../../server/services/actor.js';
import { DefinitionCatalogue } from '../../server/services/definition-catalogue.js';
import { publishDefinitions } from '../../server/services/publish-definitions.js';
import { createServices, type Services } from '../../server/services/services.js';
import type { CatalogueStore } from '../../server/store/store.js';
import { appDeps, type TestAppDeps } from '../support/app-deps.js';
import { seedUser, type SeededUser } from '../support/auth.js';
import { serve, type Served } from '../support/http.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

const researcher: Actor = { name: 'li', role: 'researcher', userId: 'usr_li' };
const FRAMEWORK = 'frameworks/default.json';
const RECHECK_MS = 2_000;

function withVersion(text: string, version: string): string {
  return text.replace(/"version": "[^"]+"/, `"version": "${version}"`);
}

describe('the definitions catalogue across processes on one store', function () {
  this.timeout(60_000);
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let first: TestAppDeps;
  let firstServices: Services;
  let second: DefinitionCatalogue;
  let secondServed: Served;
  let reader: SeededUser;
  let seedFramework: string;
  /** The second process's clock, in ms. */
  let clock = 1_000_000;
  /** How often the second process asked the store for the newest version number. */
  let checks = 0;

  before(async () => {
    temp = await tempEmbeddedStore();
    first = await appDeps(temp.store);
    firstServices = createServices(temp.store, first.catalogue);
    const counted: CatalogueStore = {
      latest: () => temp.store.catalogue.latest(),
      get: (version) => temp.store.catalogue.get(version),
      list: () => temp.store.catalogue.list(),
      append: (next) => temp.store.catalogue.append(next),
      latestNumber: () => {
        checks++;
        return temp.store.catalogue.latestNumber();
      },
    };
    second = await DefinitionCatalogue.open(counted, { recheckMs: RECHECK_MS, now: () => clock });
    secondServed = await serve(
      buildApp({
        store: temp.store,
        logger: pino({ level: 'silent' }),
        views: loadViews(viewsDir),
        catalogue: second,
      }),
    );
    reader = await seedUser(temp.store, 'viewer', { login: 'reader-second-process' });
    seedFramework = first.catalogue.latest().files.find((f) => f.file === FRAMEWORK)?.text ?? '';
    expect(seedFramework).to.include('"version": "1.0.1"');
  });
  after(async () => {
    await secondServed.close();
    await temp.dispose();
  });

  async function frameworkVersionSecondServes(): Promise<string | undefined> {
    const response = await fetch(`${secondServed.url}/api/v1/frameworks`, { headers: reader.headers });
    expect(response.status).to.equal(200);
    const body = (await response.json()) as { items: { id: string; version: string }[] };
    return body.items.find((f) => f.id === 'default')?.version;
  }

  it('shows a version the first process published once the interval has passed, not before', async () => {
    await publishDefinitions(firstServices, researcher, {
      basedOn: 1,
      reason: { zh: '默认框架升级', en: 'default framework revised' },
      changes: [{ file: FRAMEWORK, text: withVersion(seedFramework, '1.1.0') }],
    });
    expect(first.registry.frameworks.get('default')?.definition.version).to.equal('1.1.0');

    clock += RECHECK_MS - 1;
    expect(await frameworkVersionSecondServes()).to.equal('1.0.1');
    expect(second.version()).to.equal(1);
    expect(checks).to.equal(0);

    clock += 1;
    expect(await frameworkVersionSecondServes()).to.equal('1.1.0');
    expect(second.version()).to.equal(2);
    expect(second.current().frameworks.get('default')?.definition.version).to.equal('1.1.0');
    expect(checks).to.equal(1);
  });

  it('asks the store at most once per interval, however many requests come in', async () => {
    const before = checks;
    for (let i = 0; i < 5; i++) expect(await frameworkVersionSecondServes()).to.equal('1.1.0');
    expect(checks).to.equal(before);

    clock += RECHECK_MS;
    const together = [second.refreshWhenDue(), second.refreshWhenDue()];
    expect(together[0]).to.be.instanceOf(Promise);
    expect(together[1]).to.equal(together[0]);
    await together[0];
    expect(checks).to.equal(before + 1);
    expect(second.refreshWhenDue()).to.equal(undefined);
  });

  it('keeps serving its definitions when the check fails, and checks again after the interval', async () => {
    const failing: CatalogueStore = {
      latest: () => temp.store.catalogue.latest(),
      get: (version) => temp.store.catalogue.get(version),
      list: () => temp.store.catalogue.list(),
      append: (next) => temp.store.catalogue.append(next),
      latestNumber: () => Promise.reject(new Error('store unreachable')),
    };
    let now = 0;
    const catalogue = await DefinitionCatalogue.open(failing, { recheckMs: RECHECK_MS, now: () => now });
    now = RECHECK_MS;
    let failure: unknown;
    await catalogue.refreshWhenDue()?.catch((error: unknown) => {
      failure = error;
    });
    expect((failure as Error).message).to.equal('store unreachable');
    expect(catalogue.version()).to.equal(2);
    expect(catalogue.refreshWhenDue()).to.equal(undefined);
    now += RECHECK_MS;
    expect(catalogue.refreshWhenDue()).to.be.instanceOf(Promise);
  });
});
