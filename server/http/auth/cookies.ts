/**
 * The cookies of access control. The session cookie is HttpOnly (scripts cannot read it) and
 * SameSite=Lax (other sites cannot send it with their forms; links from an e-mail or an office
 * system still arrive logged in). It is marked Secure when the request came over HTTPS.
 */
import { parse, serialize } from 'cookie';
import type { Request, Response } from 'express';
import { SESSION_IDLE_MS } from '../../access/credentials.js';

export const SESSION_COOKIE = 'zhili_session';
/** The CSRF secret of a visitor who is not logged in yet (the login and setup forms). */
export const ANONYMOUS_CSRF_COOKIE = 'zhili_csrf';

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (header === undefined) return undefined;
  const value = parse(header)[name];
  return value === undefined || value === '' ? undefined : value;
}

function setCookie(req: Request, res: Response, name: string, value: string, maxAgeSeconds: number): void {
  res.append(
    'Set-Cookie',
    serialize(name, value, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: '/',
      maxAge: maxAgeSeconds,
    }),
  );
}

export function setSessionCookie(req: Request, res: Response, secret: string): void {
  setCookie(req, res, SESSION_COOKIE, secret, Math.round(SESSION_IDLE_MS / 1000));
}

export function clearSessionCookie(req: Request, res: Response): void {
  setCookie(req, res, SESSION_COOKIE, '', 0);
}

export function setAnonymousCsrfCookie(req: Request, res: Response, secret: string): void {
  setCookie(req, res, ANONYMOUS_CSRF_COOKIE, secret, 3600);
}
