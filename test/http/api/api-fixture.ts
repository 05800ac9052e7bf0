import { buildApp } from '../../../server/app.js';
import { loadDemo } from '../../../server/demo/load-demo.js';
import type { Evaluation } from '../../../server/store/models/evaluation.js';
import type { Store } from '../../../server/store/store.js';
import { appDeps } from '../../support/app-deps.js';
import { serve, type Served } from '../../support/http.js';
import { tempEmbeddedStore } from '../../support/temp-store.js';

export interface ApiFixture {
  readonly url: string;
  readonly store: Store;
  readonly demo: Evaluation;
  close(): Promise<void>;
}

/** The app over an embedded store holding the demo city and its published evaluation. */
export async function demoApi(): Promise<ApiFixture> {
  const temp = await tempEmbeddedStore();
  const deps = await appDeps(temp.store);
  const demo = await loadDemo(temp.store, deps.registry);
  const served: Served = await serve(buildApp(deps));
  return {
    url: `${served.url}/api/v1`,
    store: temp.store,
    demo,
    close: async () => {
      await served.close();
      await temp.dispose();
    },
  };
}

export interface Answer<T> {
  readonly status: number;
  readonly type: string;
  readonly body: T;
}

export async function call<T>(url: string, init?: RequestInit): Promise<Answer<T>> {
  const response = await fetch(url, init);
  const type = response.headers.get('content-type') ?? '';
  const body = (type.includes('json') ? await response.json() : await response.text()) as T;
  return { status: response.status, type, body };
}

/** Polls a job until it has finished. */
export async function settle(
  url: string,
  jobId: string,
): Promise<{ status: string; result: unknown; error: unknown }> {
  for (let i = 0; i < 600; i += 1) {
    const job = await call<{ status: string; result: unknown; error: unknown }>(`${url}/jobs/${jobId}`);
    if (job.body.status !== 'running') return job.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${jobId} did not finish`);
}
