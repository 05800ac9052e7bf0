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
import { publicUser, type NewUserRequest, type UserChange } from '../../access/user-admin.js';
import { addUser, changeUser, listUsers, userById } from '../../services/manage-users.js';
import { UNIT_CODE_PATTERN } from '../../store/models/common.js';
import { ROLES } from '../../store/models/user.js';
import type { Store } from '../../store/store.js';
import { compileValidator } from '../../validation/compile.js';
import { requestActor } from '../request-actor.js';
import { requirePermission } from '../auth/require-permission.js';
import { pageOf, pagingOf } from './paging.js';

const fields = {
  displayName: { type: 'string', minLength: 1, maxLength: 200 },
  role: { enum: ROLES },
  unitScope: {
    anyOf: [
      { type: 'null' },
      {
        type: 'array',
        maxItems: 200,
        uniqueItems: true,
        items: { type: 'string', pattern: UNIT_CODE_PATTERN },
      },
    ],
  },
  password: { type: 'string', minLength: 1, maxLength: 200 },
} as const;

const asNewUser = compileValidator<NewUserRequest>('new user', {
  type: 'object',
  additionalProperties: false,
  required: ['login', 'displayName', 'role'],
  properties: { login: { type: 'string', minLength: 1, maxLength: 100 }, ...fields },
});

const asUserChange = compileValidator<UserChange>('user change', {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { ...fields, disabled: { type: 'boolean' } },
});

export function usersRouter(store: Store): Router {
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
