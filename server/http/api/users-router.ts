/**
 * User administration (users.manage): GET /api/v1/users (paged), GET /users/:id, POST /users
 * (addUser) and PATCH /users/:id (changeUser: role, unit scope, display name, disabled,
 * password), the use cases of server/services/manage-users.ts, shared with the pages and the CLI:
 * acceptable passwords, scope units that exist, always one active admin, sessions revoked on
 * disable or password reset, and every change audited. Users are shown without their hash.
 *
 * @example PATCH /api/v1/users/usr_… {"disabled":true} → the user; their tokens stop working at once
 */
import { Router } from 'express';
import { publicUser } from '../../access/user-admin.js';
import { addUser, changeUser, listUsers, userById } from '../../services/manage-users.js';
import type { Services } from '../../services/services.js';
import { requestActor } from '../request-actor.js';
import { requirePermission } from '../auth/require-permission.js';
import { pageOf, pagingOf } from './paging.js';
import { newUserBody, userChangeBody } from './request-schemas.js';

const asNewUser = newUserBody.parse;
const asUserChange = userChangeBody.parse;

export function usersRouter(services: Services): Router {
  const { store } = services;
  const router = Router();
  router.use('/users', requirePermission('users.manage'));
  router.get('/users', async (req, res) => {
    const users = await listUsers({ store }, requestActor(res));
    res.json(pageOf(users.map(publicUser), pagingOf(req.query)));
  });
  router.get('/users/:id', async (req, res) => {
    res.json(publicUser(await userById({ store }, requestActor(res), req.params.id)));
  });
  router.post('/users', async (req, res) => {
    const user = await addUser({ store }, requestActor(res), asNewUser(req.body, 'body'));
    res.status(201).location(`/api/v1/users/${user.id}`).json(publicUser(user));
  });
  router.patch('/users/:id', async (req, res) => {
    const user = await changeUser(
      { store },
      requestActor(res),
      req.params.id,
      asUserChange(req.body, 'body'),
    );
    res.json(publicUser(user));
  });
  return router;
}
