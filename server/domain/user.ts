/**
 * Users and their roles, shared by the access rules, the store (which validates them in
 * store/models/user.ts) and the pages.
 */
export const ROLES = ['admin', 'evaluator', 'researcher', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  readonly id: string;
  readonly login: string;
  readonly displayName: string;
  readonly role: Role;
  /** Codes of the units whose subtrees the user may see; null for all units. */
  readonly unitScope: readonly string[] | null;
  readonly passwordHash: string | null;
  readonly disabled: boolean;
  /**
   * The right to self-assess (self.assess, issue 15): only a viewer scoped to exactly one community
   * holds it (server/access/self-assess-right.ts). Absent means false.
   */
  readonly selfAssess?: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}
