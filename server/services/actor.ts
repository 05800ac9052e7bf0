/**
 * Who a use case acts for, whichever door the request came through: a logged-in user or API token
 * (their login, role and id) or the command line (`cli:<system user>`, with admin rights, as the
 * person at the server's console already holds the data folder). Use cases check permissions and
 * name the actor in the audit log from this alone.
 *
 * @example assertMay(actorOfPrincipal(principal), 'data.import')
 */
import os from 'node:os';
import type { Principal } from '../access/credentials.js';
import { can, type Permission } from '../access/permissions.js';
import type { Role } from '../domain/user.js';
import { ForbiddenError } from '../errors.js';

export interface Actor {
  /** The name the store and the audit log record: a login, or cli:<system user>. */
  readonly name: string;
  readonly role: Role;
  /** The user's id; null for the command line, which acts for no stored user. */
  readonly userId: string | null;
  /** The codes of the units whose subtrees the actor may see; absent or null for every unit. */
  readonly unitScope?: readonly string[] | null;
  /** The self-assess grant (server/access/self-assess-right.ts); absent means none. */
  readonly selfAssess?: boolean;
}

export function actorOfPrincipal(principal: Principal): Actor {
  const { user } = principal;
  return {
    name: user.login,
    role: user.role,
    userId: user.id,
    unitScope: user.unitScope,
    ...(user.selfAssess === true ? { selfAssess: true } : {}),
  };
}

/** The command line's actor: the name given (--actor), else cli:<system user>. */
export function cliActor(name?: string): Actor {
  if (name !== undefined) return { name, role: 'admin', userId: null };
  let user = '';
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (a container's arbitrary uid): the name stays plain "cli".
  }
  return { name: user === '' ? 'cli' : `cli:${user}`, role: 'admin', userId: null };
}

/** Throws ForbiddenError unless the actor's role grants the permission; `why` replaces the usual words. */
export function assertMay(actor: Actor, permission: Permission, why?: string): void {
  if (!can(actor.role, permission))
    throw new ForbiddenError(
      why ??
        `${actor.name} (${actor.role}) 无权执行此操作，需要权限 ${permission}; may not do this: it needs ${permission}`,
    );
}
