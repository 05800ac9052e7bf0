/**
 * Guards: a route states the permission it needs. Without a principal the API answers 401 and a
 * page GET redirects to the login page (coming back afterwards); with the wrong role, 403.
 *
 * @example router.post('/evaluations/:id/publish', requirePermission('evaluations.publish'), handler)
 */
import type { Request, RequestHandler } from 'express';
import { can, type Permission } from '../../access/permissions.js';
import { ForbiddenError, UnauthenticatedError } from '../../errors.js';
import { principalOf } from './principal.js';

const ROLE_NAMES = {
  admin: '管理员 admin',
  evaluator: '评估员 evaluator',
  researcher: '研究员 researcher',
  viewer: '查看者 viewer',
};

function isPageRequest(req: Request): boolean {
  return !req.originalUrl.startsWith('/api/') && (req.method === 'GET' || req.method === 'HEAD');
}

/** Where the login page sends the user back to: a local path only (no open redirect). */
export function loginUrlFor(originalUrl: string): string {
  const local = originalUrl.startsWith('/') && !originalUrl.startsWith('//') ? originalUrl : '/';
  return `/login?next=${encodeURIComponent(local)}`;
}

export function requirePermission(permission: Permission): RequestHandler {
  return (req, res, next) => {
    const principal = principalOf(res);
    if (principal === undefined) {
      if (isPageRequest(req)) {
        res.redirect(303, loginUrlFor(req.originalUrl));
        return;
      }
      throw new UnauthenticatedError('log in, or send an API token as "Authorization: Bearer <token>"');
    }
    if (!can(principal.user.role, permission)) {
      throw new ForbiddenError(
        `the role ${ROLE_NAMES[principal.user.role]} may not do this (needs the permission ${permission})`,
      );
    }
    next();
  };
}
