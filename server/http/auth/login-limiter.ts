/**
 * Login rate limiting (express-rate-limit, in memory): per client address, at most 30 attempts in
 * 15 minutes; per login name, at most 5 failed attempts in 15 minutes, whatever the address (so a
 * botnet cannot guess one account's password either). Beyond that the answer is 429 with
 * Retry-After. Mount after the body parser, before the login handler (after ownPasswordCheck on a
 * password change); the handler answers 4xx on a failed login, which is what counts as a failure.
 */
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit, type Options } from 'express-rate-limit';
import { TooManyRequestsError } from '../../errors.js';
import { requirePrincipal } from './principal.js';

export const LOGIN_WINDOW_MS = 15 * 60_000;
export const ATTEMPTS_PER_ADDRESS = 30;
export const FAILURES_PER_LOGIN = 5;

interface Locals {
  ownPasswordCheck?: string;
}

/**
 * Marks a request as checking the logged-in user's own password (the password change): the
 * per-account limit then counts it against that user, whatever `login` field the client sends.
 */
export const ownPasswordCheck: RequestHandler = (_req, res, next) => {
  (res.locals as Locals).ownPasswordCheck = requirePrincipal(res).user.login.toLowerCase();
  next();
};

/** The account an attempt is for: the logged-in user on a password change, else the form's login field. */
export function loginNameOf(req: Request, res?: Response): string {
  const own = res === undefined ? undefined : (res.locals as Locals).ownPasswordCheck;
  if (own !== undefined) return own;
  const body: unknown = req.body;
  const login =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>).login : undefined;
  return typeof login === 'string' ? login.trim().toLowerCase().slice(0, 100) : '';
}

function refuse(message: string): Options['handler'] {
  return (req, _res, next) => {
    const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
    const seconds =
      reset === undefined
        ? LOGIN_WINDOW_MS / 1000
        : Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000));
    next(new TooManyRequestsError(`${message}; try again in ${Math.ceil(seconds / 60)} minutes`, seconds));
  };
}

/**
 * Both limiters, in order. buildApp makes one pair and every password check shares it (the API
 * login, the login page, the password change), so the limits hold across channels; a fresh pair
 * per app keeps tests apart.
 */
export function loginLimiters(): RequestHandler[] {
  return [
    rateLimit({
      windowMs: LOGIN_WINDOW_MS,
      limit: ATTEMPTS_PER_ADDRESS,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'unknown'),
      handler: refuse('too many login attempts from this address'),
    }),
    rateLimit({
      windowMs: LOGIN_WINDOW_MS,
      limit: FAILURES_PER_LOGIN,
      standardHeaders: false,
      legacyHeaders: false,
      skipSuccessfulRequests: true,
      keyGenerator: (req, res) => `login:${loginNameOf(req, res)}`,
      handler: refuse('too many failed logins for this account'),
    }),
  ];
}
