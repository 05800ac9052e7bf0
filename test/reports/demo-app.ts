/**
 * The whole app over a temporary embedded store holding the demo city and its published
 * evaluation, served on a loopback port, for the page tests (HTTP and browser), with a logged-in
 * admin (session cookie and CSRF token) to read and post as.
 */
import { buildApp } from '../../server/app.js';
import { loadDemo } from '../../server/demo/load-demo.js';
import type { Evaluation } from '../../server/store/models/evaluation.js';
import type { Store } from '../../server/store/store.js';
import { appDeps, type TestAppDeps } from '../support/app-deps.js';
import { seedUser, type SeededUser } from '../support/auth.js';
import { serve } from '../support/http.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

export interface DemoApp {
  readonly url: string;
  readonly store: Store;
  readonly deps: TestAppDeps;
  readonly demo: Evaluation;
  /** An admin with a browser session: send `admin.cookie`, post forms with `admin.csrf`. */
  readonly admin: SeededUser;
  close(): Promise<void>;
}

export async function demoApp(): Promise<DemoApp> {
  const temp = await tempEmbeddedStore();
  const deps = await appDeps(temp.store);
  const demo = await loadDemo(temp.store, deps.registry);
  const admin = await seedUser(temp.store, 'admin', { login: 'demo-admin' });
  const served = await serve(buildApp(deps));
  return {
    url: served.url,
    store: temp.store,
    deps,
    demo,
    admin,
    close: async () => {
      await served.close();
      await temp.dispose();
    },
  };
}

/** A multipart/form-data body as a browser sends the import form. */
export function formBody(
  fields: Readonly<Record<string, string>>,
  file: { readonly name: string; readonly text: string | Buffer },
): { body: Buffer; contentType: string } {
  const boundary = '----zhiliTestBoundary7MA4YWxkTrZu0gW';
  const head = [
    ...Object.entries(fields).map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    ),
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
  ];
  return {
    body: Buffer.concat([
      Buffer.from(head.join(''), 'utf8'),
      typeof file.text === 'string' ? Buffer.from(file.text, 'utf8') : file.text,
      Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/**
 * Posts the import form as a logged-in user (their cookie, their CSRF token in the form) and follows
 * the job page until it redirects to the batch report.
 */
export async function importThroughPage(
  url: string,
  user: Pick<SeededUser, 'cookie' | 'csrf'>,
  fields: Readonly<Record<string, string>>,
  file: { readonly name: string; readonly text: string | Buffer },
): Promise<{ reportUrl: string; html: string }> {
  const { body, contentType } = formBody({ _csrf: user.csrf, ...fields }, file);
  const headers = { cookie: user.cookie };
  const posted = await fetch(`${url}/import`, {
    method: 'POST',
    headers: { ...headers, 'content-type': contentType },
    body,
    redirect: 'manual',
  });
  if (posted.status !== 303)
    throw new Error(`POST /import answered ${posted.status}: ${await posted.text()}`);
  const jobUrl = new URL(posted.headers.get('location') ?? '', url).href;
  for (let i = 0; i < 400; i++) {
    const job = await fetch(jobUrl, { headers, redirect: 'manual' });
    if (job.status === 303) {
      const reportUrl = new URL(job.headers.get('location') ?? '', url).href;
      return { reportUrl, html: await (await fetch(reportUrl, { headers })).text() };
    }
    if (!(await job.text()).includes('http-equiv="refresh"')) throw new Error('the import job failed');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the import job did not finish');
}
