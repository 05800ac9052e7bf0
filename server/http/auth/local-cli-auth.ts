/**
 * Recognises the local command-line credential (server/access/local-cli-credential.ts) before
 * authenticate() looks for a stored session or token, and takes the actor from the
 * X-Zhili-Cli-Actor header. That header is refused with any other credential, so no user or
 * token can write someone else's name into the audit log.
 */
import type { RequestHandler } from 'express';
import {
  isLocalCliSecret,
  LOCAL_CLI_ACTOR_HEADER,
  LOCAL_CLI_DEFAULT_ACTOR,
  localCliPrincipal,
  type LocalCliCredential,
} from '../../access/local-cli-credential.js';
import { UnauthenticatedError, ValidationError } from '../../errors.js';
import { setPrincipal } from './principal.js';

/** Printable text without control characters, like the actor the CLI writes on the direct path. */
const ACTOR_PATTERN = /^[^\p{Cc}]{1,200}$/u;

function actorFrom(header: string | string[] | undefined): string {
  if (header === undefined) return LOCAL_CLI_DEFAULT_ACTOR;
  const actor = Array.isArray(header) ? header.join(',') : header;
  if (!ACTOR_PATTERN.test(actor)) {
    throw new ValidationError('the X-Zhili-Cli-Actor header must be 1 to 200 printable characters', [
      { where: 'header.x-zhili-cli-actor', message: `found ${JSON.stringify(actor.slice(0, 50))}` },
    ]);
  }
  return actor;
}

export function localCliAuthentication(credential: LocalCliCredential | undefined): RequestHandler {
  return (req, res, next) => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    const actorHeader = req.headers[LOCAL_CLI_ACTOR_HEADER];
    if (credential !== undefined && bearer !== undefined && isLocalCliSecret(credential, bearer)) {
      setPrincipal(res, localCliPrincipal(credential, actorFrom(actorHeader)));
    } else if (actorHeader !== undefined) {
      throw new UnauthenticatedError(
        'the X-Zhili-Cli-Actor header is accepted only with the command line’s local credential',
      );
    }
    next();
  };
}
