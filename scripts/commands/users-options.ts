/**
 * Parsing the values the users commands take, with errors that name the option.
 *
 * @example scopeOption('420102,420103', '--scope') // ['420102', '420103']
 * @example scopeOption('all', 'CODES')              // null (every unit)
 */
import { TOKEN_MAX_DAYS } from '../../server/access/credentials.js';
import { ROLES, type Role } from '../../server/domain/user.js';
import { CliError } from './cli-error.js';

export function roleOption(value: string, field: string): Role {
  const role = ROLES.find((known) => known === value);
  if (role === undefined) {
    throw new CliError(`${field}: unknown role "${value}"; use one of ${ROLES.join(', ')}`);
  }
  return role;
}

/** A comma-separated list of unit codes, or "all" (null: every unit). */
export function scopeOption(value: string, field: string): string[] | null {
  if (value.trim().toLowerCase() === 'all') return null;
  const codes = value
    .split(/[,，]/)
    .map((code) => code.trim())
    .filter((code) => code.length > 0);
  if (codes.length === 0) throw new CliError(`${field}: name at least one unit code, or "all"`);
  return [...new Set(codes)];
}

export function daysOption(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > TOKEN_MAX_DAYS) {
    throw new CliError(`--days: give a whole number of days from 1 to ${TOKEN_MAX_DAYS}; found "${value}"`);
  }
  return days;
}

export function labelOption(value: string): string {
  const label = value.trim();
  if (label.length === 0 || label.length > 200) {
    throw new CliError('--label: say what the token is for, in 1 to 200 characters');
  }
  return label;
}

/** "on" or "off" (for `users self-assess LOGIN on|off`). */
export function switchOption(value: string, field: string): boolean {
  const word = value.trim().toLowerCase();
  if (word === 'on') return true;
  if (word === 'off') return false;
  throw new CliError(`${field}: say on or off; found "${value}"`);
}
