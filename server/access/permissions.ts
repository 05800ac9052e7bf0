/**
 * What each role may do. Routes ask for a permission, never for a role, so the table below is the
 * one place to read (and change) the access policy.
 *
 * - admin: everything, including users, the audit log and backups.
 * - evaluator: imports data, runs evaluations and publishes them.
 * - researcher: works on frameworks and indicator drafts; reads data and draft evaluations.
 * - viewer (officials): reads published reports, optionally only for their own units.
 * - data.confirm (evaluators): confirms or returns the self-reported batches of the units below
 *   their unit scope — a street's evaluator its communities', a district's its streets' (see
 *   services/review-batch.ts); viewers only read, so they see a value's status but never set it.
 */
import type { Role } from '../store/models/user.js';

export const PERMISSIONS = [
  'reports.read',
  'drafts.read',
  'data.read',
  'data.import',
  'evaluations.run',
  'evaluations.publish',
  'indicators.draft',
  'users.manage',
  'audit.read',
  'data.confirm',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  evaluator: [
    'reports.read',
    'drafts.read',
    'data.read',
    'data.import',
    'evaluations.run',
    'evaluations.publish',
    'data.confirm',
  ],
  researcher: ['reports.read', 'drafts.read', 'data.read', 'indicators.draft'],
  viewer: ['reports.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The permissions of a role, in the order of PERMISSIONS (for the account page and the API). */
export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}
