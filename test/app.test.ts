import { expect } from 'chai';
import express from 'express';
import { pino } from 'pino';
import { buildApp } from '../server/app.js';
import { loadViews } from '../server/http/views.js';
import { viewsDir } from '../server/paths.js';
import type { Store } from '../server/store/store.js';
import { serve, type Served } from './support/http.js';
import { tempEmbeddedStore } from './support/temp-store.js';
import { appDeps } from './support/app-deps.js';
import { seedUser, type SeededUser } from './support/auth.js';

describe('app', () => {
  let served: Served;
  let dispose: () => Promise<void>;
  let admin: SeededUser;

  before(async () => {
    const temp = await tempEmbeddedStore();
    dispose = temp.dispose;
    admin = await seedUser(temp.store, 'admin');
    served = await serve(buildApp(await appDeps(temp.store)));
  });

  after(async () => {
    await served.close();
    await dispose();
  });

  it('reports the embedded store as ok on /healthz', async () => {
    const response = await fetch(`${served.url}/healthz`);
    expect(response.status).to.equal(200);
    const body = (await response.json()) as { status: string; store: { kind: string; status: string } };
    expect(body.status).to.equal('ok');
    expect(body.store).to.include({ kind: 'embedded', status: 'ok' });
  });

  it('answers an anonymous caller 401 before routing, so API paths cannot be probed', async () => {
    const response = await fetch(`${served.url}/api/v1/nothing-here`);
    expect(response.status).to.equal(401);
    expect(response.headers.get('www-authenticate')).to.match(/^Bearer/);
  });

  it('answers an unknown API path with problem+json 404', async () => {
    const response = await fetch(`${served.url}/api/v1/nothing-here`, { headers: admin.headers });
    expect(response.status).to.equal(404);
    expect(response.headers.get('content-type')).to.match(/^application\/problem\+json/);
    const body = (await response.json()) as { code: string; status: number; instance: string };
    expect(body).to.include({ code: 'not_found', status: 404, instance: '/api/v1/nothing-here' });
  });

  it('answers an unknown page with an HTML error page that escapes the path', async () => {
    const response = await fetch(`${served.url}/<script>alert(1)</script>`);
    expect(response.status).to.equal(404);
    expect(response.headers.get('content-type')).to.match(/^text\/html/);
    const html = await response.text();
    expect(html).to.include('<h1>未找到</h1>');
    expect(html).not.to.include('<script>alert(1)</script>');
  });

  it('rejects malformed JSON under /api with a 400 problem, not a stack trace', async () => {
    const response = await fetch(`${served.url}/api/v1/anything`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken":',
    });
    expect(response.status).to.equal(400);
    const text = await response.text();
    expect(text).to.include('validation_failed');
    expect(text).not.to.match(/at .*\.(ts|js):\d+/);
  });

  it('refuses a JSON body over 1 MiB with 413 naming the limit', async () => {
    const response = await fetch(`${served.url}/api/v1/evaluations`, {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ framework: 'default', periods: ['2025'], padding: 'x'.repeat(1_100_000) }),
    });
    expect(response.status).to.equal(413);
    expect(await response.text()).to.include('larger than the limit of 1 MiB');
  });

  it('sends a strict Content-Security-Policy without inline scripts', async () => {
    const response = await fetch(`${served.url}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).to.include("script-src 'self'");
    expect(csp).not.to.include('unsafe-inline');
  });
});

describe('error handler', () => {
  it('turns an unexpected error into a 500 with a reference and no internals', async () => {
    const temp = await tempEmbeddedStore();
    const app = buildApp(await appDeps(temp.store));
    // Put a failing route in front of the app's own routes.
    const outer = express();
    outer.get('/api/boom', () => {
      throw new Error('secret internal detail at /etc/passwd');
    });
    outer.use(app);
    const { errorHandler } = await import('../server/http/error-handler.js');
    outer.use(errorHandler(pino({ level: 'silent' }), loadViews(viewsDir)));
    const served = await serve(outer);
    try {
      const response = await fetch(`${served.url}/api/boom`);
      expect(response.status).to.equal(500);
      const text = await response.text();
      expect(text).to.include('internal_error').and.include('reference');
      expect(text).not.to.include('secret internal detail');
    } finally {
      await served.close();
      await temp.dispose();
    }
  });
});

describe('healthz with a store that is down', () => {
  it('answers 503 and names the store kind', async () => {
    // Only what /healthz touches; the rest of the Store is never reached.
    const downStore: Pick<Store, 'kind' | 'ping' | 'getSetting' | 'putSetting' | 'close'> = {
      kind: 'mongo',
      ping: () =>
        Promise.resolve({ kind: 'mongo', status: 'down', latencyMs: 1, error: 'connection refused' }),
      getSetting: () => Promise.resolve(undefined),
      putSetting: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
    // The definitions come from a working store; only the app's own store is down.
    const definitions = await tempEmbeddedStore();
    const deps = { ...(await appDeps(definitions.store)), store: downStore as Store };
    const served = await serve(buildApp(deps));
    try {
      const response = await fetch(`${served.url}/healthz`);
      expect(response.status).to.equal(503);
      const body = (await response.json()) as { store: { kind: string; status: string } };
      expect(body.store).to.deep.include({ kind: 'mongo', status: 'down' });
    } finally {
      await served.close();
      await definitions.dispose();
    }
  });
});
