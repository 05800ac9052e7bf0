/**
 * The database stops while Zhili runs (FerretDB, stopped mid-way): every request that needs the
 * store answers 503 with Retry-After instead of a 500, and no answer — least of all an anonymous
 * one — names the database's address or the driver's message.
 */
import { expect } from 'chai';
import { buildFerretDb, startFerretDb, type FerretDb } from '../../scripts/ferretdb.js';
import { buildApp } from '../../server/app.js';
import { MongoStore } from '../../server/store/mongo/mongo-store.js';
import { appDeps } from '../support/app-deps.js';
import { seedUser, type SeededUser } from '../support/auth.js';
import { serve, type Served } from '../support/http.js';
import { freshDatabaseUri, mongoUriOrSkip } from '../support/mongo-target.js';

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly text: string;
}

describe('hardening: the database stops while Zhili runs', function () {
  this.timeout(120_000);
  // Unset when the suite skips (no MongoDB-wire server), and the after hook still runs.
  let ferret: FerretDb | undefined;
  let store: MongoStore | undefined;
  let served: Served | undefined;
  let user: SeededUser;
  let port: string;

  before(async function () {
    mongoUriOrSkip(this);
    ferret = await startFerretDb(await buildFerretDb());
    const running = ferret;
    port = new URL(running.baseUri).port;
    const opened = await MongoStore.open(freshDatabaseUri(running.baseUri), {
      serverSelectionTimeoutMS: 1000,
    });
    store = opened;
    user = await seedUser(opened, 'viewer');
    const app = await serve(buildApp(await appDeps(opened)));
    served = app;
    const before = await fetch(`${app.url}/api/v1/units?limit=1`, { headers: user.headers });
    expect(before.status, 'the store answers before it stops').to.equal(200);
    await running.stop();
  });

  after(async () => {
    await served?.close();
    await store?.close().catch(() => undefined);
    await ferret?.stop();
  });

  async function fetchAnswer(path: string, init: RequestInit = {}): Promise<Answer> {
    if (served === undefined) throw new Error('the app is not served');
    const response = await fetch(`${served.url}${path}`, { ...init, redirect: 'manual' });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      text: await response.text(),
    };
  }

  function leaks(text: string): string[] {
    return ['127.0.0.1', `:${port}`, 'ECONNREFUSED', 'mongodb://', 'MongoServerSelectionError'].filter((s) =>
      text.includes(s),
    );
  }

  it('answers an API request with a token 503 store_unavailable and Retry-After, naming no address', async () => {
    const answer = await fetchAnswer('/api/v1/units?limit=1', { headers: user.headers });
    expect([answer.status, answer.retryAfter]).to.deep.equal([503, '15']);
    expect((JSON.parse(answer.text) as { code: string }).code).to.equal('store_unavailable');
    expect(leaks(answer.text)).to.deep.equal([]);
  });

  it('answers a logged-in page 503 with Retry-After, naming no address', async () => {
    const answer = await fetchAnswer('/evaluations', { headers: { cookie: user.cookie } });
    expect([answer.status, answer.retryAfter]).to.deep.equal([503, '15']);
    expect(answer.text).to.include('<h1>存储不可用</h1>');
    expect(leaks(answer.text)).to.deep.equal([]);
  });

  it('answers /healthz 503 with Retry-After and the store kind, naming no address', async () => {
    const answer = await fetchAnswer('/healthz');
    expect([answer.status, answer.retryAfter]).to.deep.equal([503, '15']);
    expect(JSON.parse(answer.text)).to.deep.include({
      status: 'down',
      error: '存储无响应 the store does not answer',
    });
    expect(leaks(answer.text)).to.deep.equal([]);
  });

  it('answers an anonymous login 503, naming no address', async () => {
    const answer = await fetchAnswer('/api/v1/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: user.user.login, password: user.password }),
    });
    expect(answer.status).to.equal(503);
    expect(leaks(answer.text)).to.deep.equal([]);
  });
});
