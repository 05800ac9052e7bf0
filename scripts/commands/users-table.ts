/**
 * Users and tokens as text tables for the terminal (never a password hash or a token's secret).
 *
 * @example usersTable([publicUser(user)]) // 'LOGIN  NAME  ROLE   SCOPE  DISABLED  PASSWORD\nli     李    admin  all    no        yes'
 */
import type { PublicUser } from '../../server/access/user-admin.js';
import type { Session } from '../../server/domain/session.js';

/** Columns padded to their widest cell (a CJK character counts as two columns). */
export function textTable(rows: readonly (readonly string[])[]): string {
  const segmenter = new Intl.Segmenter();
  const width = (text: string): number =>
    Array.from(segmenter.segment(text)).reduce(
      (sum, { segment }) => sum + (/[\u1100-\uffdc]/u.test(segment) ? 2 : 1),
      0,
    );
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - width(cell) + 2),
        )
        .join(''),
    )
    .join('\n');
}

export function usersTable(users: readonly PublicUser[]): string {
  return textTable([
    ['LOGIN', 'NAME', 'ROLE', 'SCOPE', 'DISABLED', 'PASSWORD'],
    ...users.map((user) => [
      user.login,
      user.displayName,
      user.role,
      user.unitScope === null ? 'all' : user.unitScope.join(','),
      user.disabled ? 'yes' : 'no',
      user.hasPassword ? 'yes' : 'no',
    ]),
  ]);
}

export function tokensTable(
  tokens: readonly Pick<Session, 'id' | 'label' | 'createdAt' | 'lastUsedAt' | 'expiresAt'>[],
): string {
  return textTable([
    ['ID', 'LABEL', 'CREATED', 'LAST USED', 'EXPIRES'],
    ...tokens.map((token) => [
      token.id,
      token.label ?? '',
      token.createdAt.slice(0, 16),
      token.lastUsedAt.slice(0, 16),
      token.expiresAt.slice(0, 10),
    ]),
  ]);
}
