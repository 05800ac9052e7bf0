/**
 * Versions of a published evaluation over the API and on the report pages: a change makes a new
 * version that cites the one before, and the one before stays byte for byte as published.
 */
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { buildApp } from '../../../server/app.js';
import { loadDemo } from '../../../server/demo/load-demo.js';
import type { Evaluation } from '../../../server/store/models/evaluation.js';
import type { JsonValue, Store } from '../../../server/store/store.js';
import { appDeps } from '../../support/app-deps.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { serve, type Served } from '../../support/http.js';
import { tempEmbeddedStore } from '../../support/temp-store.js';
import { call } from './api-fixture.js';

interface Problem {
  readonly code: string;
  readonly detail: string;
}
interface Results {
  readonly version: number;
  readonly supersedes: string | null;
  readonly root: string;
  readonly raw: Record<string, unknown>;
  readonly normalised: Record<string, unknown>;
  readonly scores: Record<string, unknown>;
  readonly weights: Record<string, { children: string[]; weights: number[] }>;
}

const REASON = { zh: '改用熵权法（数据驱动的权重）', en: 'Entropy weights instead of expert weights' };

function sha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

describe('evaluation versions over the API and the pages', function () {
  this.timeout(120_000);
  let store: Store;
  let served: Served;
  let dispose: () => Promise<void>;
  let api: string;
  let evaluator: SeededUser;
  let viewer: SeededUser;
  let v1: string;
  let v2: string;
  let v3: string;
  let v1Before: { record: Evaluation; results: JsonValue | undefined };
  let v1PageEtag: string | null;

  const json = (user: SeededUser, body: unknown): RequestInit => ({
    method: 'POST',
    headers: { ...user.headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const get = <T>(path: string, user: SeededUser = evaluator) =>
    call<T>(`${api}${path}`, { headers: user.headers });
  /** Runs a job to its end as `user` and returns its result. */
  const finished = async (user: SeededUser, started: { id: string }): Promise<Record<string, unknown>> => {
    for (let i = 0; i < 1200; i += 1) {
      const job = await call<{ status: string; result: unknown; error: unknown }>(
        `${api}/jobs/${started.id}`,
        {
          headers: user.headers,
        },
      );
      if (job.body.status === 'succeeded') return job.body.result as Record<string, unknown>;
      if (job.body.status === 'failed') expect.fail(`job failed: ${JSON.stringify(job.body.error)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the job did not finish');
  };
  const page = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${served.url}${path}`, {
      headers: { cookie: evaluator.cookie, ...headers },
    });
    return { response, text: await response.text() };
  };

  before(async () => {
    const temp = await tempEmbeddedStore();
    store = temp.store;
    const deps = await appDeps(store);
    // The demo city's units and observations are the data; its own evaluation is not used here.
    await loadDemo(store, deps.registry);
    served = await serve(buildApp(deps));
    dispose = async () => {
      await served.close();
      await temp.dispose();
    };
    api = `${served.url}/api/v1`;
    evaluator = await seedUser(store, 'evaluator');
    viewer = await seedUser(store, 'viewer');
  });

  after(async () => {
    await dispose();
  });

  it('publishes version 1 of an evaluation with the framework’s expert weights', async () => {
    const started = await call<{ id: string }>(
      `${api}/evaluations`,
      json(evaluator, { framework: 'default', periods: ['2024', '2025'] }),
    );
    expect(started.status).to.equal(202);
    v1 = (await finished(evaluator, started.body)).evaluation as string;
    const published = await call<Evaluation>(`${api}/evaluations/${v1}/publish`, {
      method: 'POST',
      headers: evaluator.headers,
    });
    expect(published.body).to.deep.include({ status: 'published', version: 1, supersedes: null });
    const record = await store.evaluations.get(v1);
    if (record === undefined) expect.fail('version 1 was not stored');
    v1Before = { record, results: await store.evaluations.readResults(v1) };
    v1PageEtag = (await page(`/evaluations/${v1}?lang=en`)).response.headers.get('etag');
  });

  it('refuses a version without a reason', async () => {
    const answer = await call<Problem>(
      `${api}/evaluations/${v1}/versions`,
      json(evaluator, { methods: { weighting: { method: 'entropy' } } }),
    );
    expect(answer.status).to.equal(400);
    expect(answer.body.detail).to.include('reason');
  });

  it('does not let a viewer create a version', async () => {
    const answer = await call<Problem>(`${api}/evaluations/${v1}/versions`, json(viewer, { reason: 'mine' }));
    expect(answer.status).to.equal(403);
  });

  it('runs version 2 with entropy weights as a job and stores a draft that cites version 1', async () => {
    const started = await call<{ id: string }>(
      `${api}/evaluations/${v1}/versions`,
      json(evaluator, { reason: REASON, methods: { weighting: { method: 'entropy' } } }),
    );
    expect(started.status).to.equal(202);
    const result = await finished(evaluator, started.body);
    v2 = result.evaluation as string;
    expect(result).to.deep.equal({ evaluation: v2, version: 2, supersedes: v1 });
    const second = await get<Evaluation>(`/evaluations/${v2}`);
    expect(second.body).to.deep.include({
      status: 'draft',
      version: 2,
      supersedes: v1,
      lineage: v1,
      createdBy: evaluator.user.login,
    });
    expect(second.body.reason).to.deep.equal(REASON);
    expect(second.body.periods).to.deep.equal(['2024', '2025']);
    const methods = second.body.methods as Record<string, { method: string }>;
    const before = v1Before.record.methods as Record<string, { method: string }>;
    expect(methods.weighting?.method).to.equal('entropy');
    expect(before.weighting?.method).to.equal('framework');
    expect(methods.aggregation).to.deep.equal(before.aggregation);
    expect(methods.normalisation).to.deep.equal(before.normalisation);
  });

  it('states version and supersedes in the results, which differ only where the weighting changed', async () => {
    const first = (await get<Results>(`/evaluations/${v1}/results`)).body;
    const second = (await get<Results>(`/evaluations/${v2}/results`)).body;
    expect([first.version, first.supersedes]).to.deep.equal([1, null]);
    expect([second.version, second.supersedes]).to.deep.equal([2, v1]);
    // Same data and normalisation: the indicator values before weighting are the same.
    expect(second.raw).to.deep.equal(first.raw);
    expect(second.normalised).to.deep.equal(first.normalised);
    // Entropy weighs the indicators within each dimension by their data instead of the experts'
    // weights; the dimensions keep the framework's weights. So the index scores move.
    const dimensions = first.weights[first.root]?.children ?? [];
    expect(dimensions).to.have.length(5);
    for (const dimension of dimensions)
      expect(second.weights[dimension]?.weights, dimension).not.to.deep.equal(
        first.weights[dimension]?.weights,
      );
    expect(second.weights[second.root]).to.deep.equal(first.weights[first.root]);
    expect(second.scores[second.root]).not.to.deep.equal(first.scores[first.root]);
  });

  it('records evaluation.version in the audit log with the actor and the reason', async () => {
    const events = await store.audit.list({ action: 'evaluation.version', target: v2 });
    expect(events).to.have.length(1);
    expect(events[0]).to.deep.include({ actor: evaluator.user.login, target: v2 });
    // The new version kept version 1's framework version, and the audit says which it used.
    const frameworkVersion = (await store.evaluations.get(v1))?.framework.version;
    expect(events[0]?.detail).to.deep.equal({ supersedes: v1, reason: REASON, frameworkVersion });
  });

  it('publishes version 2 and leaves version 1 byte for byte as it was', async () => {
    const published = await call<Evaluation>(`${api}/evaluations/${v2}/publish`, {
      method: 'POST',
      headers: evaluator.headers,
    });
    expect(published.body).to.deep.include({ status: 'published', version: 2 });
    const record = await store.evaluations.get(v1);
    const results = await store.evaluations.readResults(v1);
    expect(record).to.deep.equal(v1Before.record);
    expect(results).to.deep.equal(v1Before.results);
    expect(sha256(results)).to.equal(sha256(v1Before.results));
    expect(sha256(results)).to.equal(v1Before.record.results?.sha256);
  });

  it('refuses to supersede version 1 again now that version 2 replaced it', async () => {
    const answer = await call<Problem>(
      `${api}/evaluations/${v1}/versions`,
      json(evaluator, { reason: 'again' }),
    );
    expect(answer.status).to.equal(409);
    expect(answer.body.detail).to.include(v2);
  });

  it('refuses a second open draft of the same line and names the open one', async () => {
    const started = await call<{ id: string }>(
      `${api}/evaluations/${v2}/versions`,
      json(evaluator, {
        reason: 'min-max onto [1, 100]',
        methods: { normalisation: { method: 'minmax', range: [1, 100] } },
      }),
    );
    v3 = (await finished(evaluator, started.body)).evaluation as string;
    const answer = await call<Problem>(
      `${api}/evaluations/${v2}/versions`,
      json(evaluator, { reason: 'another' }),
    );
    expect(answer.status).to.equal(409);
    expect(answer.body.detail).to.include(v3).and.include('open draft');
  });

  it('refuses to supersede a draft', async () => {
    const answer = await call<Problem>(
      `${api}/evaluations/${v3}/versions`,
      json(evaluator, { reason: 'draft' }),
    );
    expect(answer.status).to.equal(409);
    expect(answer.body.detail).to.include('draft');
  });

  it('lists the line oldest first, drafts only to those who may read them', async () => {
    const full = await get<{ lineage: string; items: Evaluation[] }>(`/evaluations/${v3}/versions`);
    expect(full.body.lineage).to.equal(v1);
    expect(full.body.items.map((e) => [e.id, e.version])).to.deep.equal([
      [v1, 1],
      [v2, 2],
      [v3, 3],
    ]);
    const published = await get<{ items: Evaluation[] }>(`/evaluations/${v1}/versions`, viewer);
    expect(published.body.items.map((e) => e.id)).to.deep.equal([v1, v2]);
    expect((await get(`/evaluations/${v3}/versions`, viewer)).status).to.equal(404);
  });

  it('shows on version 1’s page that a newer version exists, linking to version 2', async () => {
    const { text } = await page(`/evaluations/${v1}?lang=en`);
    expect(text).to.include('Version 1').and.include('A newer version exists');
    expect(text).to.include(`<a href="/evaluations/${v2}">See version 2`);
    const zh = await page(`/evaluations/${v1}?lang=zh`);
    expect(zh.text).to.include('第 1 版').and.include('已有新版本');
  });

  it('gives version 1’s page a new validator once version 2 is published', async () => {
    expect(v1PageEtag).to.be.a('string');
    const { response } = await page(`/evaluations/${v1}?lang=en`, { 'if-none-match': v1PageEtag ?? '' });
    expect(response.status).to.equal(200);
    expect(response.headers.get('etag')).not.to.equal(v1PageEtag);
  });

  it('shows on version 2’s page that it replaces version 1, and no newer-version notice to a viewer', async () => {
    const { text } = await page(`/evaluations/${v2}?lang=en`, { cookie: viewer.cookie });
    expect(text).to.include('Version 2');
    expect(text).to.include(`<a href="/evaluations/${v1}" rel="prev">Replaces version 1</a>`);
    expect(text).to.include(`Reason for the change: ${REASON.en}`);
    // Version 3 is a draft: not part of the record a viewer reads.
    expect(text).not.to.include('A newer version exists');
  });

  it('lists the published line with dates, publisher and reason on the methodology page', async () => {
    const { text } = await page(`/evaluations/${v2}/methodology?lang=en`, { cookie: viewer.cookie });
    expect(text).to.include('<h2 id="versions-title">Versions</h2>');
    const rows = text.slice(text.indexOf('id="versions"')).split('</tbody>')[0] ?? '';
    expect(rows).to.include(`<a href="/evaluations/${v1}/methodology">Version 1</a>`);
    expect(rows).to.include('Version 2 (this version)');
    expect(rows).to.include(`by ${evaluator.user.login}`);
    expect(rows).to.include(REASON.en).and.include('first version');
    expect(rows).not.to.include(v3);
  });

  it('numbers the versions in the evaluations list and its export, each citing the one it replaces', async () => {
    const { text } = await page('/evaluations?lang=en', { cookie: viewer.cookie });
    const rowOf = (id: string): string =>
      text.slice(text.lastIndexOf('<tr>', text.indexOf(`<code>${id}</code>`)));
    expect(rowOf(v1)).to.match(/^<tr>[\s\S]*?Version 1<\/span>/);
    expect(rowOf(v2)).to.match(/^<tr>[\s\S]*?Version 2<\/span>/);
    const csv = await page('/evaluations?format=csv&table=evaluations&lang=en', { cookie: viewer.cookie });
    const rows: string[][] = parse(csv.text.replace(/^\uFEFF/, ''));
    expect(rows.find((row) => row[0] === v2)?.slice(2, 4)).to.deep.equal(['2', v1]);
  });
});
