/**
 * What each role may do. Routes ask for a permission, never for a role, so the table below is the
 * one place to read (and change) the access policy.
 *
 * - admin: everything, including users, the audit log and backups.
 * - evaluator: imports data, runs evaluations and publishes them.
 * - researcher: works on frameworks and indicator drafts; reads data and draft evaluations.
 * - viewer (officials): reads published reports, optionally only for their own units.
 * - data.confirm (viewers, evaluators): confirms or returns self-reported batches. Unit scopes are
 *   for viewers only (viewer-only-scopes.ts), so the street's official is a viewer scoped to the
 *   street and reviews its communities' batches, a district's its streets' (services/review-batch.ts);
 *   an evaluator or viewer without a scope (the city's) may review any batch.
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
  viewer: ['reports.read', 'data.confirm'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The permissions of a role, in the order of PERMISSIONS (for the account page and the API). */
export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}
