/**
 * The actor of a web request, as the use cases take it: the logged-in user or API token's owner.
 * Throws UnauthenticatedError when the request carries no valid credential.
 */
import type { Response } from 'express';
import { actorOfPrincipal, type Actor } from '../services/actor.js';
import { requirePrincipal } from './auth/principal.js';

export function requestActor(res: Response): Actor {
  return actorOfPrincipal(requirePrincipal(res));
}
