/**
 * The login page's `next` through the real pages: whatever a visitor puts there, the Location the
 * app answers with (GET /login while logged in, POST /login after a good password) is a path on
 * this site, never "//host" — also when only normalisation ("/./", "/../", "%2e%2e") makes it so.
 */
import { expect } from 'chai';
import { buildApp } from '../../../server/app.js';
import { appDeps } from '../../support/app-deps.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { serve, type Served } from '../../support/http.js';
import { tempEmbeddedStore } from '../../support/temp-store.js';
import { formFor, Visitor } from '../../reports/http/visitor.js';

/** Values that lead off-site once a browser or the URL parser has normalised them. */
const OFF_SITE = [
  '/.//evil.example/',
  '/..//evil.example/',
  '/a/..//evil.example/',
  '/%2e%2e//evil.example/',
  '/%2E%2e//evil.example/',
  '/.%2e//evil.example/',
  '/a/b/../..//evil.example/x?y=1',
  '/./\\evil.example/',
  '/\\evil.example/',
  '/\t/evil.example/',
  '/.\t//evil.example/',
  '//evil.example/',
  '///evil.example/',
  'https://evil.example/',
];

/** Values that stay on this site but look odd: they may pass, as long as they stay paths here. */
const ODD_LOCAL = [
  '/%2f%2fevil.example/',
  '/%5c%5cevil.example/',
  '/a/%2e%2e/%2fevil.example/',
  '/./evaluations',
];

const ORIGIN = 'http://app.example';

function staysHere(location: string | null): boolean {
  if (location === null || !location.startsWith('/') || location.startsWith('//')) return false;
  if (location.includes('\\')) return false;
  return new URL(location, ORIGIN).origin === ORIGIN;
}

describe('pages: where the login page leads (open redirect)', () => {
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let served: Served;
  let user: SeededUser;

  before(async () => {
    temp = await tempEmbeddedStore();
    user = await seedUser(temp.store, 'viewer', { login: 'wang' });
    served = await serve(buildApp(await appDeps(temp.store)));
  });

  after(async () => {
    await served.close();
    await temp.dispose();
  });

  /** A fresh visitor fetches the login form and logs in with `next`. */
  async function logInWith(next: string) {
    const visitor = new Visitor(served.url);
    const form = formFor((await visitor.get('/login')).html, '/login');
    return visitor.submit(form, { next, login: 'wang', password: user.password });
  }

  it('sends a logged-in visitor of /login?next=… to "/" for every off-site variant', async () => {
    const visitor = new Visitor(served.url, user.cookie);
    const answers = await Promise.all(
      OFF_SITE.map((next) => visitor.get(`/login?next=${encodeURIComponent(next)}`)),
    );
    expect(answers.map((a, i) => [OFF_SITE[i], a.status, a.location])).to.deep.equal(
      OFF_SITE.map((next) => [next, 303, '/']),
    );
  });

  it('sends a user who logs in through POST /login to "/" for every off-site variant', async () => {
    const answers = [];
    for (const next of OFF_SITE) answers.push(await logInWith(next));
    expect(answers.map((a, i) => [OFF_SITE[i], a.status, a.location])).to.deep.equal(
      OFF_SITE.map((next) => [next, 303, '/']),
    );
  });

  it('keeps odd but local values on this site, in both directions', async () => {
    const visitor = new Visitor(served.url, user.cookie);
    const viaGet = await Promise.all(
      ODD_LOCAL.map((next) => visitor.get(`/login?next=${encodeURIComponent(next)}`)),
    );
    const viaPost = [];
    for (const next of ODD_LOCAL) viaPost.push(await logInWith(next));
    const locations = [...viaGet, ...viaPost].map((a) => a.location);
    expect(locations.filter((l) => !staysHere(l))).to.deep.equal([]);
    expect(locations.slice(-1)).to.deep.equal(['/evaluations']);
  });

  it('puts only the checked value into the login form it shows', async () => {
    const answer = await new Visitor(served.url).get(
      `/login?next=${encodeURIComponent('/.//evil.example/')}`,
    );
    expect(formFor(answer.html, '/login').fields.next).to.equal('/');
  });
});
