/**
 * The /import page form as a logged-in browser submits it: multipart/form-data with the session
 * cookie and the session's CSRF token in the hidden `_csrf` field. The answer is either the
 * redirect to the job page (the upload was taken) or a refusal page.
 *
 * @example
 * const posted = await postImportForm(url, admin, { kind: 'units' }, { name: 'u.csv', bytes });
 * posted.status === 303 && posted.jobId
 */
import type { SeededUser } from '../../support/auth.js';

export interface FormAnswer {
  readonly status: number;
  /** The job the upload started (from the redirect to /import/jobs/:id), if any. */
  readonly jobId: string | undefined;
  readonly html: string;
}

const BOUNDARY = '----zhiliHardeningBoundary4f9d2a';

export function multipartBody(
  fields: Readonly<Record<string, string>>,
  file: { readonly name: string; readonly bytes: Uint8Array },
): Buffer {
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  parts.push(
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    Buffer.from(file.bytes),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  );
  return Buffer.concat(parts);
}

export async function postImportForm(
  baseUrl: string,
  user: SeededUser,
  fields: Readonly<Record<string, string>>,
  file: { readonly name: string; readonly bytes: Uint8Array },
): Promise<FormAnswer> {
  const response = await fetch(`${baseUrl}/import`, {
    method: 'POST',
    headers: {
      cookie: user.cookie,
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    },
    body: multipartBody({ _csrf: user.csrf, ...fields }, file),
    redirect: 'manual',
  });
  const location = response.headers.get('location') ?? '';
  const jobId = /^\/import\/jobs\/([^/?]+)/.exec(location)?.[1];
  return { status: response.status, jobId, html: await response.text() };
}

/** Follows the job page (as the browser's refresh would) until it stops refreshing or redirects. */
export async function settleJobPage(
  baseUrl: string,
  user: SeededUser,
  jobId: string,
): Promise<{ status: number; location: string | null; html: string }> {
  for (let i = 0; i < 2000; i += 1) {
    const response = await fetch(`${baseUrl}/import/jobs/${jobId}`, {
      headers: { cookie: user.cookie },
      redirect: 'manual',
    });
    const html = await response.text();
    if (response.status !== 200 || !html.includes('http-equiv="refresh"')) {
      return { status: response.status, location: response.headers.get('location'), html };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`import job ${jobId} did not finish`);
}
