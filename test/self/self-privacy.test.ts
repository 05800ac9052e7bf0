/**
 * A self-evaluation is private to the viewer who ran it. Every other user — another community's
 * self-assessing viewer, a viewer of the same community without the grant, the street's viewer
 * above it, an evaluator and an admin — gets 404 for its id through the API and the pages (not 403,
 * which would confirm it exists), and an empty list or 403 for the list. It never shows in the
 * evaluations lists, the compare picker or an evaluation export. The admin can see in the audit log
 * that one was run (who, when, framework, periods) but no figure.
 */
import { expect } from 'chai';
import { issueApiToken, startSession } from '../../server/access/credentials.js';
import { buildApp } from '../../server/app.js';
import type { User } from '../../server/domain/user.js';
import { appDeps } from '../support/app-deps.js';
import { serve, type Served } from '../support/http.js';
import { FIXTURE_INDICATORS, selfWorld, type SelfWorld } from './self-fixture.js';

interface Door {
  readonly headers: Record<string, string>;
  readonly cookie: string;
}

describe('self-evaluations are private to their owner', function () {
  this.timeout(30_000);
  let world: SelfWorld;
  let served: Served;
  const doors = new Map<string, Door>();
  let id = '';

  async function door(user: User): Promise<Door> {
    const token = await issueApiToken(world.store, user, 'tests');
    const session = await startSession(world.store, user);
    return {
      headers: { authorization: `Bearer ${token.secret}` },
      cookie: `zhili_session=${session.secret}`,
    };
  }
  const api = (who: string, path: string, init: RequestInit = {}) =>
    fetch(`${served.url}/api/v1${path}`, {
      ...init,
      headers: { ...doors.get(who)!.headers, 'content-type': 'application/json' },
    });
  const page = (who: string, path: string) =>
    fetch(`${served.url}${path}`, { headers: { cookie: doors.get(who)!.cookie }, redirect: 'manual' });

  before(async () => {
    world = await selfWorld();
    served = await serve(buildApp(await appDeps(world.store, FIXTURE_INDICATORS)));
    for (const [name, user] of Object.entries(world.users)) doors.set(name, await door(user));
    const response = await api('c1', '/self-evaluations', {
      method: 'POST',
      body: JSON.stringify({ framework: 'small', periods: ['2024', '2025'] }),
    });
    expect(response.status).to.equal(201);
    id = ((await response.json()) as { id: string }).id;
  });
  after(async () => {
    await served.close();
    await world.dispose();
  });

  const others = ['c2', 'plainC1', 'street', 'evaluator', 'admin'] as const;

  it('lets its owner read it through the API and the page, never cached', async () => {
    const response = await api('c1', `/self-evaluations/${id}`);
    expect(response.status).to.equal(200);
    expect(response.headers.get('cache-control')).to.equal('private, no-store');
    const list = (await (await api('c1', '/self-evaluations')).json()) as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).to.deep.equal([id]);
    const own = await page('c1', `/self/${id}`);
    expect(own.status).to.equal(200);
    expect(await own.text()).to.contain('61.0');
  });

  for (const who of others) {
    it(`answers 404 to ${who} for its id, through the API and the page`, async () => {
      expect((await api(who, `/self-evaluations/${id}`)).status).to.equal(404);
      const html = await page(who, `/self/${id}`);
      expect(html.status).to.equal(404);
      expect(await html.text()).not.to.contain('61.0');
    });
  }

  it('lists nothing of it to another self-assessing community', async () => {
    const list = (await (await api('c2', '/self-evaluations')).json()) as { items: unknown[] };
    expect(list.items).to.deep.equal([]);
  });

  for (const who of ['plainC1', 'street', 'evaluator', 'admin'] as const) {
    it(`refuses the list to ${who}, who holds no self.assess grant`, async () => {
      expect((await api(who, '/self-evaluations')).status).to.equal(403);
      expect((await page(who, '/self')).status).to.equal(403);
    });
  }

  it('never appears in the evaluations lists, the compare picker or an evaluation export', async () => {
    for (const who of ['admin', 'evaluator', 'street'] as const) {
      expect(await (await api(who, '/evaluations')).text()).not.to.contain(id);
      expect(await (await page(who, '/evaluations')).text()).not.to.contain(id);
      expect(await (await page(who, '/evaluations/compare')).text()).not.to.contain(id);
      expect((await api(who, `/evaluations/${id}`)).status).to.equal(404);
      expect((await page(who, `/evaluations/${id}`)).status).to.equal(404);
    }
  });

  it('shows the admin in the audit log that it was run, with framework and periods but no figure', async () => {
    const [event] = await world.store.audit.list({ action: 'self_evaluation.run' });
    expect(event).to.deep.include({ actor: 'c1_viewer', target: id });
    expect(event!.detail).to.deep.equal({ framework: 'small', periods: ['2024', '2025'] });
    const audit = await (await api('admin', '/audit?action=self_evaluation.run')).text();
    expect(audit).to.contain(id);
    expect(audit).not.to.match(/standing|score|normalised/);
  });
});
