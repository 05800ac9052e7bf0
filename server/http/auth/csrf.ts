/**
 * CSRF protection for every state-changing request that a browser could be tricked into sending.
 * Logged-in sessions use the synchronizer pattern: the session's own random token, which every
 * form carries as a hidden "_csrf" field (or scripts as an "X-CSRF-Token" header). Visitors who
 * are not logged in yet (login and setup forms) get a random token in an HttpOnly cookie that
 * the form must repeat. Requests with an API token carry no ambient credential and need none.
 * A cross-site Origin header is refused as well.
 */
import type { Request, RequestHandler, Response } from 'express';
import { newSecret, sameSecret } from '../../access/secrets.js';
import { ForbiddenError } from '../../errors.js';
import { ANONYMOUS_CSRF_COOKIE, readCookie, setAnonymousCsrfCookie } from './cookies.js';
import { principalOf } from './principal.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** The token the forms of this response must carry (issuing the anonymous cookie if needed). */
export function csrfTokenFor(req: Request, res: Response): string {
  const principal = principalOf(res);
  if (principal?.credential.csrfToken != null) return principal.credential.csrfToken;
  const existing = readCookie(req, ANONYMOUS_CSRF_COOKIE);
  if (existing !== undefined && existing.length >= 32) return existing;
  const fresh = newSecret();
  setAnonymousCsrfCookie(req, res, fresh);
  return fresh;
}

function expectedToken(req: Request, res: Response): string | undefined {
  const principal = principalOf(res);
  if (principal !== undefined) return principal.credential.csrfToken ?? undefined;
  return readCookie(req, ANONYMOUS_CSRF_COOKIE);
}

/**
 * True when the Origin header names another site (or is "null"); absent means same-site. The host
 * is Express's req.host, which behind a trusted proxy (TRUST_PROXY) is the public one the browser used.
 */
export function crossSite(req: Request): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || origin === 'null') return origin === 'null';
  try {
    return new URL(origin).host !== req.host;
  } catch {
    return true;
  }
}

/** Throws ForbiddenError unless `submitted` is this session's (or visitor's) CSRF token. */
export function assertCsrf(req: Request, res: Response, submitted: string | undefined): void {
  if (principalOf(res)?.credential.kind === 'token') return;
  if (crossSite(req)) throw new ForbiddenError('this request came from another site and was refused');
  if (!sameSecret(submitted, expectedToken(req, res))) {
    throw new ForbiddenError(
      'the form has expired or did not come from Zhili: reload the page and try again',
      [{ where: CSRF_FIELD, message: 'missing or wrong CSRF token' }],
    );
  }
}

function submittedToken(req: Request): string | undefined {
  const header = req.headers[CSRF_HEADER];
  if (typeof header === 'string') return header;
  const body: unknown = req.body;
  if (typeof body === 'object' && body !== null && !Buffer.isBuffer(body)) {
    const field = (body as Record<string, unknown>)[CSRF_FIELD];
    if (typeof field === 'string') return field;
  }
  return undefined;
}

/**
 * Checks every unsafe request. With `multipartInRoute`, multipart uploads are left to their route:
 * the token is inside the body, which only the upload route reads (it calls assertCsrf with the
 * parsed field). The API passes false: a cookie-authenticated API call always needs the header.
 */
export function csrfProtection(options: { readonly multipartInRoute: boolean }): RequestHandler {
  return (req, res, next) => {
    const multipart = req.is('multipart/form-data') === 'multipart/form-data';
    if (SAFE_METHODS.has(req.method) || (options.multipartInRoute && multipart)) {
      next();
      return;
    }
    assertCsrf(req, res, submittedToken(req));
    next();
  };
}
