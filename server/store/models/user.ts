/**
 * Users, for the access issue: a login (unique, case-insensitive), a role, an optional scope of
 * units (the subtrees they may see; null means every unit), a password hash whose scheme the
 * access layer chooses, and a disabled flag.
 */
import { USER_FIELD_SCHEMAS } from '../../domain/schemas.js';
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
  readonly selfAssess?: boolean;
}

export type UserPatch = Partial<Omit<NewUser, 'login'>>;

export { USER_FIELD_SCHEMAS };

const fields = {
  displayName: USER_FIELD_SCHEMAS.displayName,
  role: USER_FIELD_SCHEMAS.role,
  unitScope: USER_FIELD_SCHEMAS.unitScope,
  passwordHash: { anyOf: [{ type: 'null' }, { type: 'string', minLength: 1, maxLength: 1000 }] },
  disabled: { type: 'boolean' },
  selfAssess: { type: 'boolean' },
} as const;

export const asNewUser = compileValidator<NewUser>('user', {
  type: 'object',
  additionalProperties: false,
  required: ['login', 'displayName', 'role'],
  properties: { login: USER_FIELD_SCHEMAS.login, ...fields },
});

export const asUserPatch = compileValidator<UserPatch>('user change', {
  type: 'object',
  additionalProperties: false,
  properties: fields,
});
