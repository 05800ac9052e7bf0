/**
 * The API over an embedded store holding the demo city and its published evaluation, with an
 * admin seeded, and a small fetch helper. `call` is anonymous unless told whom to call as;
 * `api.call` calls as the admin unless told otherwise.
 *
 * @example
 * const me = await call<{ user: { login: string } }>(`${api.url}/me`, { as: viewer });
 * const job = await api.call<{ id: string }>(`${api.url}/evaluations`, { method: 'POST', json: { … } });
 */
import { buildApp } from '../../../server/app.js';
import { loadDemo } from '../../../server/demo/load-demo.js';
import type { Evaluation } from '../../../server/store/models/evaluation.js';
import type { Store } from '../../../server/store/store.js';
import { appDeps } from '../../support/app-deps.js';
import { seedUser, type SeededUser } from '../../support/auth.js';
import { serve, type Served } from '../../support/http.js';
import { tempEmbeddedStore } from '../../support/temp-store.js';

/** Whoever a request is made as: the headers that authenticate it. */
export interface Caller {
  readonly headers: Readonly<Record<string, string>>;
}

/** fetch's options, plus whom to call as and a JSON body (which sets the content type). */
export interface CallInit extends RequestInit {
  readonly as?: Caller;
  readonly json?: unknown;
}

export interface Answer<T> {
  readonly status: number;
  readonly type: string;
  readonly headers: Headers;
  readonly body: T;
}

export interface JobOutcome {
  readonly status: string;
  readonly result: unknown;
  readonly error: unknown;
}

export async function call<T>(url: string, init: CallInit = {}): Promise<Answer<T>> {
  const { as, json, headers: given, ...rest } = init;
  const headers = new Headers(given);
  if (json !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  for (const [name, value] of Object.entries(as?.headers ?? {})) {
    if (!headers.has(name)) headers.set(name, value);
  }
  const response = await fetch(url, {
    ...rest,
    headers,
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  const parsed: unknown = type.includes('json') && text !== '' ? JSON.parse(text) : text;
  return { status: response.status, type, headers: response.headers, body: parsed as T };
}

/** Polls a job (as its owner) until it has finished. */
export async function settle(url: string, jobId: string, as: Caller): Promise<JobOutcome> {
  for (let i = 0; i < 600; i += 1) {
    const job = await call<JobOutcome>(`${url}/jobs/${jobId}`, { as });
    if (job.status !== 200) throw new Error(`job ${jobId}: HTTP ${job.status}`);
    if (job.body.status !== 'running' && job.body.status !== 'queued') return job.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${jobId} did not finish`);
}

export interface ApiFixture {
  /** The base of the API: http://127.0.0.1:PORT/api/v1 */
  readonly url: string;
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly store: Store;
  readonly demo: Evaluation;
  readonly admin: SeededUser;
  /** `call` as the admin unless `init.as` says otherwise. */
  call<T>(url: string, init?: CallInit): Promise<Answer<T>>;
  /** `settle` as the admin. */
  settle(jobId: string): Promise<JobOutcome>;
  close(): Promise<void>;
}

export async function demoApi(): Promise<ApiFixture> {
  const temp = await tempEmbeddedStore();
  const deps = await appDeps(temp.store);
  const demo = await loadDemo(temp.store, deps.registry);
  const admin = await seedUser(temp.store, 'admin', { login: 'admin' });
  const served: Served = await serve(buildApp(deps));
  const url = `${served.url}/api/v1`;
  return {
    url,
    origin: served.url,
    store: temp.store,
    demo,
    admin,
    call: <T>(target: string, init: CallInit = {}) => call<T>(target, { as: admin, ...init }),
    settle: (jobId) => settle(url, jobId, admin),
    close: async () => {
      await served.close();
      await temp.dispose();
    },
  };
}
