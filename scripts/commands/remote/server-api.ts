/**
 * A small client for the running server's REST API (/api/v1) with the local command-line
 * credential: JSON in and out, an API error (problem+json) as a CliError that lists every problem
 * like the direct path does, and long jobs followed to their end under a progress bar on stderr.
 *
 * @example const job = await server.call('POST', '/evaluations', { json: { framework, periods } }); await server.finished(job)
 */
import { Presets, SingleBar } from 'cli-progress';
import { LOCAL_CLI_ACTOR_HEADER } from '../../../server/access/local-cli-credential.js';
import { CliError } from '../cli-error.js';
import { asJob, asProblem, type JobAnswer } from './answers.js';

type Body = { readonly json: unknown } | { readonly raw: Uint8Array };

/** How often a job's progress is asked for. */
const POLL_MS = 150;

function problemText(status: number, answer: unknown): string {
  try {
    const problem = asProblem(answer);
    const details = (problem.errors ?? [])
      .filter((detail) => !problem.detail.includes(detail.message))
      .map((detail) => `  ${detail.where === undefined ? '' : `${detail.where}: `}${detail.message}`);
    return [problem.detail, ...details].join('\n');
  } catch {
    return `the server answered ${status}`;
  }
}

export class ServerApi {
  constructor(
    readonly url: string,
    private readonly secret: string,
    private readonly actor: string,
  ) {}

  /** Calls /api/v1 + path; the parsed JSON answer (undefined for 204), or a CliError. */
  async call(method: string, path: string, body?: Body): Promise<unknown> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.secret}`,
      [LOCAL_CLI_ACTOR_HEADER]: this.actor,
      accept: 'application/json',
    };
    let payload: Uint8Array | string | undefined;
    if (body !== undefined && 'json' in body) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body !== undefined) {
      headers['content-type'] = 'application/octet-stream';
      payload = body.raw;
    }
    let response: Response;
    try {
      response = await fetch(`${this.url}/api/v1${path}`, {
        method,
        headers,
        ...(payload === undefined ? {} : { body: payload }),
      });
    } catch (error) {
      const reason =
        error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new CliError(`cannot reach the running server at ${this.url} (${reason}); is it still running?`);
    }
    if (response.status === 204) return undefined;
    const text = await response.text();
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      answer = undefined;
    }
    if (!response.ok) throw new CliError(problemText(response.status, answer));
    return answer;
  }

  /** Follows a job the API started (202) until it ends; its result, or its error as a CliError. */
  async finished(started: unknown): Promise<unknown> {
    let job: JobAnswer = asJob(started);
    const bar = new SingleBar(
      { format: '{bar} {value}/{total} {step}', stream: process.stderr },
      Presets.shades_classic,
    );
    bar.start(Math.max(job.progress.total, 1), job.progress.done, { step: job.progress.step });
    try {
      while (job.status === 'running') {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        job = asJob(await this.call('GET', `/jobs/${encodeURIComponent(job.id)}`));
        bar.setTotal(Math.max(job.progress.total, 1));
        bar.update(job.progress.done, { step: job.progress.step });
      }
    } finally {
      bar.stop();
    }
    if (job.status === 'failed') {
      const error = job.error ?? { message: 'the job failed', details: [] };
      throw new CliError(problemText(error.status ?? 500, { detail: error.message, errors: error.details }));
    }
    return job.result;
  }

  /** Every item of a paged list (GET path?limit=500&offset=…). */
  async all<T>(
    path: string,
    narrow: (page: unknown) => { items: readonly T[]; next: number | null },
  ): Promise<T[]> {
    const items: T[] = [];
    const joiner = path.includes('?') ? '&' : '?';
    for (let offset: number | null = 0; offset !== null;) {
      const page = narrow(await this.call('GET', `${path}${joiner}limit=500&offset=${offset}`));
      items.push(...page.items);
      offset = page.next;
    }
    return items;
  }
}
