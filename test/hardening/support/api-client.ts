/**
 * A small client for the REST API as the hardening tests and the load bench use it: every call
 * carries the caller's credentials (an API token), uploads go to POST /api/v1/imports as the raw
 * body, and jobs are polled until they finish.
 *
 * @example
 * const job = await uploadFile(url, admin.headers, bytes, { kind: 'units', filename: 'units.csv' });
 * const done = await waitForJob(url, admin.headers, job.id);
 */
export interface JobView {
  readonly id: string;
  readonly status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  readonly progress: { readonly done: number; readonly total: number; readonly step: string };
  readonly finishedAt: string | null;
  readonly result: { readonly outcome?: string; readonly batch?: string; readonly status?: string } | null;
  readonly error: {
    readonly code: string;
    readonly status: number;
    readonly message: string;
    readonly details: readonly { readonly where?: string; readonly message: string }[];
  } | null;
}

export interface Answer<T> {
  readonly status: number;
  readonly type: string;
  readonly body: T;
}

type Headers = Readonly<Record<string, string>>;

/** GET (or any method) and read JSON or text, whatever the status. */
export async function request<T>(url: string, headers: Headers, init: RequestInit = {}): Promise<Answer<T>> {
  const response = await fetch(url, { ...init, headers: { ...headers, ...(init.headers as Headers) } });
  const type = response.headers.get('content-type') ?? '';
  const body = (type.includes('json') ? await response.json() : await response.text()) as T;
  return { status: response.status, type, body };
}

/** POST /api/v1/imports with the file as the body; answers the (202) job or the refusal. */
export async function postImport(
  baseUrl: string,
  headers: Headers,
  bytes: Uint8Array,
  query: Readonly<Record<string, string>>,
): Promise<Answer<JobView>> {
  const search = new URLSearchParams(query).toString();
  return request<JobView>(`${baseUrl}/api/v1/imports?${search}`, headers, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: bytes,
  });
}

/** Like postImport, but insists on the 202 and returns the job. */
export async function uploadFile(
  baseUrl: string,
  headers: Headers,
  bytes: Uint8Array,
  query: Readonly<Record<string, string>>,
): Promise<JobView> {
  const answer = await postImport(baseUrl, headers, bytes, query);
  if (answer.status !== 202)
    throw new Error(`upload answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function readJob(baseUrl: string, headers: Headers, id: string): Promise<JobView> {
  const answer = await request<JobView>(`${baseUrl}/api/v1/jobs/${encodeURIComponent(id)}`, headers);
  if (answer.status !== 200) throw new Error(`job ${id} answered ${answer.status}`);
  return answer.body;
}

function unfinished(job: JobView): boolean {
  return job.status === 'queued' || job.status === 'running';
}

/** Polls a job until `done(job)` holds (by default: until it has finished). */
export async function waitForJob(
  baseUrl: string,
  headers: Headers,
  id: string,
  done: (job: JobView) => boolean = (job) => !unfinished(job),
  timeoutMs = 120_000,
  pollMs = 15,
): Promise<JobView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await readJob(baseUrl, headers, id);
    if (done(job)) return job;
    if (!unfinished(job)) throw new Error(`job ${id} finished before the awaited moment`);
    if (Date.now() > until) throw new Error(`job ${id} did not get there within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
