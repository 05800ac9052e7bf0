/**
 * The principal of a request (who is calling, through which credential), as authenticate()
 * leaves it on res.locals, and the actor name the store and the audit log record.
 */
import type { Response } from 'express';
import type { Principal } from '../../access/credentials.js';
import { UnauthenticatedError } from '../../errors.js';

interface Locals {
  principal?: Principal;
}

export function setPrincipal(res: Response, principal: Principal): void {
  (res.locals as Locals).principal = principal;
}

export function principalOf(res: Response): Principal | undefined {
  return (res.locals as Locals).principal;
}

/** The principal, or UnauthenticatedError when the request carries no valid credential. */
export function requirePrincipal(res: Response): Principal {
  const principal = principalOf(res);
  if (principal === undefined)
    throw new UnauthenticatedError('log in, or send an API token as "Authorization: Bearer <token>"');
  return principal;
}

/** The login that the store and the audit log record as the actor of a change. */
export function actorOf(res: Response): string {
  return requirePrincipal(res).user.login;
}
