/**
 * User administration (users.manage): GET /api/v1/users (paged), GET /users/:id, POST /users
 * (createUser) and PATCH /users/:id (updateUser: role, unit scope, display name, disabled,
 * password). The rules live in server/access/user-admin.ts, shared with the pages and the CLI:
 * acceptable passwords, scope units that exist, always one active admin, sessions revoked on
 * disable or password reset, and every change audited. Users are shown without their hash.
 *
 * @example PATCH /api/v1/users/usr_… {"disabled":true} → the user; their tokens stop working at once
 */
import { Router } from 'express';
import { createUser, publicUser, updateUser } from '../../access/user-admin.js';
import { NotFoundError } from '../../errors.js';
import type { Store } from '../../store/store.js';
import { actorOf } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import { pageOf, pagingOf } from './paging.js';
import { newUserBody, userChangeBody } from './request-schemas.js';

const asNewUser = newUserBody.parse;
const asUserChange = userChangeBody.parse;

export function usersRouter(store: Store): Router {
  const router = Router();
  router.use('/users', requirePermission('users.manage'));
  router.get('/users', async (req, res) => {
    const users = await store.users.list();
    res.json(pageOf(users.map(publicUser), pagingOf(req.query)));
  });
  router.get('/users/:id', async (req, res) => {
    const user = await store.users.get(req.params.id);
    if (user === undefined) throw new NotFoundError(`no user ${req.params.id}`);
    res.json(publicUser(user));
  });
  router.post('/users', async (req, res) => {
    const user = await createUser(store, actorOf(res), asNewUser(req.body, 'body'));
    res.status(201).location(`/api/v1/users/${user.id}`).json(publicUser(user));
  });
  router.patch('/users/:id', async (req, res) => {
    const user = await updateUser(store, actorOf(res), req.params.id, asUserChange(req.body, 'body'));
    res.json(publicUser(user));
  });
  return router;
}
