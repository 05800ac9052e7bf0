/**
 * Behind a TLS reverse proxy the browser's Origin is the public host, not the address Zhili
 * listens on: with TRUST_PROXY the forwarded host counts; without it, a forwarded host is ignored
 * (anyone could send one).
 */
import { expect } from 'chai';
import { buildApp } from '../../server/app.js';
import { appDeps } from '../support/app-deps.js';
import { seedUser } from '../support/auth.js';
import { serve } from '../support/http.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

const PUBLIC_HOST = 'zhili.example.gov.cn';

async function postProfileViaProxy(trustProxy: string | false): Promise<number> {
  const temp = await tempEmbeddedStore();
  const user = await seedUser(temp.store, 'viewer');
  const served = await serve(buildApp({ ...(await appDeps(temp.store)), trustProxy }));
  try {
    const response = await fetch(`${served.url}/account/profile`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: user.cookie,
        origin: `https://${PUBLIC_HOST}`,
        'x-forwarded-host': PUBLIC_HOST,
        'x-forwarded-proto': 'https',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: user.csrf, displayName: '王科长' }).toString(),
    });
    return response.status;
  } finally {
    await served.close();
    await temp.dispose();
  }
}

describe('CSRF origin check behind a reverse proxy', () => {
  it('accepts a form from the public host when the proxy is trusted', async () => {
    expect(await postProfileViaProxy('loopback')).to.equal(303);
  });

  it('refuses the same form when no proxy is trusted, as it cannot tell the host was forwarded', async () => {
    expect(await postProfileViaProxy(false)).to.equal(403);
  });
});
