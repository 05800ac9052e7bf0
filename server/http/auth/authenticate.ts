/**
 * Finds the principal of every request: an API token in "Authorization: Bearer …" or the session
 * cookie. A bearer token that does not resolve is refused at once (401): a script should fail
 * loudly. A stale cookie is cleared and the request goes on anonymously (the page will ask for a
 * login).
 */
import type { RequestHandler } from 'express';
import { resolveCredential } from '../../access/credentials.js';
import { UnauthenticatedError } from '../../errors.js';
import type { Services } from '../../services/services.js';
import { clearSessionCookie, readCookie, SESSION_COOKIE } from './cookies.js';
import { principalOf, setPrincipal } from './principal.js';

function bearerOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null) throw new UnauthenticatedError('send the API token as "Authorization: Bearer <token>"');
  return match[1];
}

export function authenticate(services: Services): RequestHandler {
  const { store } = services;
  return async (req, res, next) => {
    // Already known: the local command-line credential (local-cli-auth.ts).
    if (principalOf(res) !== undefined) {
      next();
      return;
    }
    const bearer = bearerOf(req.headers.authorization);
    if (bearer !== undefined) {
      const principal = await resolveCredential(store, bearer);
      if (principal?.credential.kind !== 'token') {
        throw new UnauthenticatedError(
          'the API token is unknown, expired or revoked, or its user is disabled',
        );
      }
      setPrincipal(res, principal);
      next();
      return;
    }
    const cookie = readCookie(req, SESSION_COOKIE);
    if (cookie !== undefined) {
      const principal = await resolveCredential(store, cookie);
      if (principal?.credential.kind === 'session') setPrincipal(res, principal);
      else clearSessionCookie(req, res);
    }
    next();
  };
}
