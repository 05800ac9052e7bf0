/**
 * The right to self-assess (self.assess, issue 15: 自主评价, a community evaluating itself). Not a
 * role's permission but a grant on one user, given through the user admin: only a viewer whose unit
 * scope is exactly one community may hold it, and the community it assesses is that one unit. An
 * admin cannot self-assess (they have no community); losing the viewer role or the one-unit scope
 * clears the grant in the same change.
 *
 * @example maySelfAssess({ role: 'viewer', unitScope: ['420102001001'], selfAssess: true }) === true
 */
import { ForbiddenError, ValidationError } from '../errors.js';
import type { Role } from '../domain/user.js';

export const SELF_ASSESS = 'self.assess';

export interface SelfAssessHolder {
  readonly role: Role;
  readonly unitScope?: readonly string[] | null;
  readonly selfAssess?: boolean;
}

export function maySelfAssess(holder: SelfAssessHolder): boolean {
  return holder.role === 'viewer' && holder.selfAssess === true && holder.unitScope?.length === 1;
}

/** The community the holder assesses; ForbiddenError for anyone without the grant. */
export function selfAssessedUnit(holder: SelfAssessHolder & { readonly name?: string }): string {
  const unit = maySelfAssess(holder) ? holder.unitScope?.[0] : undefined;
  if (unit === undefined) {
    throw new ForbiddenError({
      zh: '您没有自评权限（self.assess）：只有限定于一个社区的查看者可由管理员授予。',
      en: 'you may not self-assess: an admin grants self.assess to viewers scoped to one community only',
    });
  }
  return unit;
}

/** Refuses the grant on anyone but a viewer scoped to exactly one unit (admin forms, API, CLI). */
export function assertSelfAssessFits(role: Role, scope: readonly string[] | null): void {
  if (role === 'viewer' && scope !== null && scope.length === 1) return;
  throw new ValidationError({ zh: '自评权限不适用于此用户', en: 'self-assessment does not fit this user' }, [
    {
      where: 'selfAssess',
      message: 'only a viewer whose unit scope is exactly one community may self-assess',
      zh: '只有单位范围恰为一个社区的查看者可以获得自评权限',
    },
  ]);
}
