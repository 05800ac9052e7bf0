/**
 * Users, for the access issue: a login (unique, case-insensitive), a role, an optional scope of
 * units (the subtrees they may see; null means every unit), a password hash whose scheme the
 * access layer chooses, and a disabled flag.
 */
import { UNIT_CODE_PATTERN } from './common.js';
import { compileValidator } from '../../validation/compile.js';
import { ROLES } from '../../domain/user.js';
import type { Role } from '../../domain/user.js';

export { ROLES };
export type { Role, User } from '../../domain/user.js';

export interface NewUser {
  readonly login: string;
  readonly displayName: string;
  readonly role: Role;
  readonly unitScope?: readonly string[] | null;
  readonly passwordHash?: string | null;
  readonly disabled?: boolean;
}

export type UserPatch = Partial<Omit<NewUser, 'login'>>;

const fields = {
  displayName: { type: 'string', minLength: 1, maxLength: 200 },
  role: { enum: ROLES },
  unitScope: {
    anyOf: [
      { type: 'null' },
      { type: 'array', uniqueItems: true, items: { type: 'string', pattern: UNIT_CODE_PATTERN } },
    ],
  },
  passwordHash: { anyOf: [{ type: 'null' }, { type: 'string', minLength: 1, maxLength: 1000 }] },
  disabled: { type: 'boolean' },
} as const;

export const asNewUser = compileValidator<NewUser>('user', {
  type: 'object',
  additionalProperties: false,
  required: ['login', 'displayName', 'role'],
  properties: { login: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$' }, ...fields },
});

export const asUserPatch = compileValidator<UserPatch>('user change', {
  type: 'object',
  additionalProperties: false,
  properties: fields,
});
