import { expect } from 'chai';
import { openApiDocument } from '../../../server/http/api/openapi.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { call, demoApi, settle, type ApiFixture, type Caller } from './api-fixture.js';

interface Problem {
  code: string;
  status: number;
  detail: string;
}
interface Page<T> {
  items: T[];
}

const METHODS = ['get', 'post', 'patch', 'delete'] as const;

describe('API access: who may call what', function () {
  this.timeout(60_000);
  let api: ApiFixture;
  let viewer: SeededUser;
  let researcher: SeededUser;
  let evaluator: SeededUser;
  let draftId: string;
  let adminJob: string;
  const csv = 'unit_code,period,households\nWY01S01C00,2027,10\n';

  async function startEvaluation(as: Caller): Promise<string> {
    const started = await call<{ id: string }>(`${api.url}/evaluations`, {
      method: 'POST',
      as,
      json: { framework: 'default', periods: ['2025'] },
    });
    expect(started.status).to.equal(202);
    return started.body.id;
  }

  before(async () => {
    api = await demoApi();
    viewer = await seedUser(api.store, 'viewer');
    researcher = await seedUser(api.store, 'researcher');
    evaluator = await seedUser(api.store, 'evaluator');
    adminJob = await startEvaluation(api.admin);
    const job = await api.settle(adminJob);
    draftId = (job.result as { evaluation: string }).evaluation;
  });

  after(async () => {
    await api.close();
  });

  describe('without credentials', () => {
    it('answers 401 problem+json on every documented /api/v1 operation except the login', async () => {
      const batch = (await api.store.imports.list({ limit: 1 }))[0]!.id;
      const token = (await api.store.sessions.list({ userId: api.admin.user.id, kind: 'token' }))[0]!.id;
      const ids: Record<string, Record<string, string>> = {
        '/units/{code}': { code: 'WY01' },
        '/units/{code}/observations/{period}/history': { code: 'WY01S01C00', period: '2025' },
        '/frameworks/{id}': { id: 'default' },
        '/frameworks/{id}/template': { id: 'default' },
        '/imports/{id}': { id: batch },
        '/imports/{id}/report': { id: batch },
        '/jobs/{id}': { id: adminJob },
        '/users/{id}': { id: api.admin.user.id },
        '/tokens/{id}': { id: token },
      };
      const publicOperations: string[] = [];
      let checked = 0;
      for (const [path, item] of Object.entries(openApiDocument.paths)) {
        for (const method of METHODS) {
          const operation = (item as Record<string, { security?: unknown[] } | undefined>)[method];
          if (operation === undefined) continue;
          if (Array.isArray(operation.security) && operation.security.length === 0) {
            publicOperations.push(`${method.toUpperCase()} ${path}`);
            continue;
          }
          const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => ids[path]?.[name] ?? draftId);
          const answer = await call<Problem>(`${api.url}${url}`, {
            method: method.toUpperCase(),
            ...(method === 'get' || method === 'delete' ? {} : { json: {} }),
          });
          expect(answer.status, `${method} ${url}`).to.equal(401);
          expect(answer.type, `${method} ${url}`).to.match(/^application\/problem\+json/);
          expect(answer.headers.get('www-authenticate'), `${method} ${url}`).to.match(/^Bearer/);
          checked += 1;
        }
      }
      expect(publicOperations).to.deep.equal(['POST /session']);
      // 20 operations of the data API (versions included) and 11 of the access API.
      expect(checked).to.be.at.least(31);
    });

    it('answers 401, not 404, for a path that does not exist, so nothing can be probed anonymously', async () => {
      expect((await call(`${api.url}/nothing-here`)).status).to.equal(401);
    });

    it('refuses an unknown bearer token and a stale session cookie with 401', async () => {
      const bearer = await call(`${api.url}/units`, {
        headers: { authorization: 'Bearer zl_not-a-real-token-1234567890' },
      });
      expect(bearer.status).to.equal(401);
      const cookie = await call(`${api.url}/units`, {
        headers: { cookie: 'zhili_session=stale-session-1234567890abcdef' },
      });
      expect(cookie.status).to.equal(401);
    });

    it('keeps the OpenAPI document public', async () => {
      expect((await call(`${api.origin}/api/openapi.json`)).status).to.equal(200);
    });
  });

  describe('viewer', () => {
    const refused: readonly [string, string, unknown?][] = [
      ['POST', '/imports?kind=observations&period=2027'],
      ['POST', '/evaluations', { framework: 'default', periods: ['2025'] }],
      ['GET', '/observations?period=2025'],
      ['GET', '/units/WY01S01C00/observations/2025/history'],
      ['GET', '/imports'],
      ['GET', '/users'],
      ['POST', '/users', { login: 'someone', displayName: 'x', role: 'admin' }],
      ['GET', '/audit'],
      ['GET', '/audit/export'],
    ];
    for (const [method, path, json] of refused) {
      it(`may not ${method} ${path.split('?')[0]!} (403)`, async () => {
        const answer = await call<Problem>(`${api.url}${path}`, {
          method,
          as: viewer,
          ...(json === undefined ? (method === 'POST' ? { body: csv } : {}) : { json }),
        });
        expect(answer.status).to.equal(403);
        expect(answer.body.code).to.equal('forbidden');
        expect(answer.body.detail).to.include('viewer');
      });
    }

    it('may not publish (403), even the draft it cannot see', async () => {
      const answer = await call<Problem>(`${api.url}/evaluations/${draftId}/publish`, {
        method: 'POST',
        as: viewer,
      });
      expect(answer.status).to.equal(403);
    });

    it('reads units, frameworks, periods and the published evaluation with its results', async () => {
      for (const path of ['/units?limit=1', '/frameworks', '/periods', `/evaluations/${api.demo.id}`]) {
        expect((await call(`${api.url}${path}`, { as: viewer })).status, path).to.equal(200);
      }
      const results = await call<{ units: string[] }>(`${api.url}/evaluations/${api.demo.id}/results`, {
        as: viewer,
      });
      expect(results.body.units).to.have.length(1000);
    });

    it('does not see drafts: a draft id answers 404 like an unknown one, and lists show only published', async () => {
      const draft = await call<Problem>(`${api.url}/evaluations/${draftId}`, { as: viewer });
      const unknown = await call<Problem>(`${api.url}/evaluations/ev_nope`, { as: viewer });
      expect(draft.status).to.equal(404);
      expect(draft.body.detail).to.equal(`no evaluation ${draftId}`);
      expect(unknown.body.detail).to.equal('no evaluation ev_nope');
      expect((await call(`${api.url}/evaluations/${draftId}/results`, { as: viewer })).status).to.equal(404);
      const list = await call<Page<{ id: string; status: string }>>(`${api.url}/evaluations`, { as: viewer });
      expect(list.body.items.map((e) => e.id)).to.include(api.demo.id);
      expect(list.body.items.every((e) => e.status === 'published')).to.equal(true);
      const drafts = await call<Page<unknown>>(`${api.url}/evaluations?status=draft`, { as: viewer });
      expect(drafts.body.items).to.deep.equal([]);
    });

    it("cannot follow someone else's job (404)", async () => {
      expect((await call(`${api.url}/jobs/${adminJob}`, { as: viewer })).status).to.equal(404);
    });
  });

  describe('researcher', () => {
    it('may not import (403) or publish (403)', async () => {
      const upload = await call(`${api.url}/imports?kind=observations&period=2027`, {
        method: 'POST',
        as: researcher,
        body: csv,
      });
      expect(upload.status).to.equal(403);
      const publish = await call(`${api.url}/evaluations/${draftId}/publish`, {
        method: 'POST',
        as: researcher,
      });
      expect(publish.status).to.equal(403);
      expect((await api.store.evaluations.get(draftId))?.status).to.equal('draft');
    });

    it('may not run an evaluation (403)', async () => {
      const answer = await call(`${api.url}/evaluations`, {
        method: 'POST',
        as: researcher,
        json: { framework: 'default', periods: ['2025'] },
      });
      expect(answer.status).to.equal(403);
    });

    it('reads drafts, observations and import batches', async () => {
      expect((await call(`${api.url}/evaluations/${draftId}`, { as: researcher })).status).to.equal(200);
      const drafts = await call<Page<{ id: string }>>(`${api.url}/evaluations?status=draft`, {
        as: researcher,
      });
      expect(drafts.body.items.map((e) => e.id)).to.include(draftId);
      expect(
        (await call(`${api.url}/observations?period=2025&unit=WY01S01C00`, { as: researcher })).status,
      ).to.equal(200);
      expect((await call(`${api.url}/imports`, { as: researcher })).status).to.equal(200);
    });
  });

  describe('evaluator', () => {
    it('may not manage users or read the audit log (403)', async () => {
      for (const [method, path] of [
        ['GET', '/users'],
        ['GET', `/users/${api.admin.user.id}`],
        ['PATCH', `/users/${viewer.user.id}`],
        ['GET', '/audit'],
        ['GET', '/audit/export?format=json'],
      ] as const) {
        const answer = await call(`${api.url}${path}`, {
          method,
          as: evaluator,
          ...(method === 'PATCH' ? { json: { role: 'admin' } } : {}),
        });
        expect(answer.status, `${method} ${path}`).to.equal(403);
      }
      expect((await api.store.users.get(viewer.user.id))?.role).to.equal('viewer');
    });

    it('runs an evaluation and follows its own job; another evaluator cannot, an admin can', async () => {
      const jobId = await startEvaluation(evaluator);
      const job = await settle(api.url, jobId, evaluator);
      expect(job.status).to.equal('succeeded');
      const other = await seedUser(api.store, 'evaluator');
      expect((await call(`${api.url}/jobs/${jobId}`, { as: other })).status).to.equal(404);
      expect((await call(`${api.url}/jobs/${jobId}`, { as: api.admin })).status).to.equal(200);
    });

    it('publishes a draft', async () => {
      const answer = await call<{ status: string; publishedBy: string }>(
        `${api.url}/evaluations/${draftId}/publish`,
        {
          method: 'POST',
          as: evaluator,
        },
      );
      expect(answer.status).to.equal(200);
      expect(answer.body).to.include({ status: 'published', publishedBy: evaluator.user.login });
    });
  });

  describe('unit scopes: viewers only', () => {
    interface Refusal extends Problem {
      errors: { where: string; message: string }[];
      detail_zh?: string;
    }

    it('refuses a user of any other role with a unit scope (400) and stores none', async () => {
      for (const role of ['admin', 'evaluator', 'researcher']) {
        const answer = await call<Refusal>(`${api.url}/users`, {
          method: 'POST',
          as: api.admin,
          json: { login: `scoped-${role}`, displayName: role, role, unitScope: ['WY03'] },
        });
        expect([answer.status, answer.body.errors[0]?.where], role).to.deep.equal([400, 'unitScope']);
        expect([answer.body.detail, answer.body.detail_zh]).to.deep.equal([
          'unit scopes are for viewers only',
          '单位范围仅适用于查看者',
        ]);
        expect(await api.store.users.findByLogin(`scoped-${role}`), role).to.equal(undefined);
      }
      const viewerAnswer = await call(`${api.url}/users`, {
        method: 'POST',
        as: api.admin,
        json: { login: 'scoped-viewer', displayName: 'v', role: 'viewer', unitScope: ['WY03'] },
      });
      expect(viewerAnswer.status).to.equal(201);
    });

    it('refuses a scope on an evaluator, and another role for a scoped viewer unless the scope goes too', async () => {
      const scopeOnEvaluator = await call<Refusal>(`${api.url}/users/${evaluator.user.id}`, {
        method: 'PATCH',
        as: api.admin,
        json: { unitScope: ['WY03'] },
      });
      expect(scopeOnEvaluator.status).to.equal(400);
      expect((await api.store.users.get(evaluator.user.id))?.unitScope).to.equal(null);

      const scoped = await seedUser(api.store, 'viewer', { unitScope: ['WY03'] });
      const promoted = await call<Refusal>(`${api.url}/users/${scoped.user.id}`, {
        method: 'PATCH',
        as: api.admin,
        json: { role: 'evaluator' },
      });
      expect([promoted.status, promoted.body.errors[0]?.where]).to.deep.equal([400, 'role']);
      expect((await api.store.users.get(scoped.user.id))?.role).to.equal('viewer');
      const cleared = await call<{ role: string; unitScope: unknown }>(`${api.url}/users/${scoped.user.id}`, {
        method: 'PATCH',
        as: api.admin,
        json: { role: 'evaluator', unitScope: null },
      });
      expect([cleared.status, cleared.body.role, cleared.body.unitScope]).to.deep.equal([
        200,
        'evaluator',
        null,
      ]);
    });
  });
});
