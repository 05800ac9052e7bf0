/**
 * Secrets handed to clients (session cookies, API tokens, CSRF tokens, the bootstrap token) and
 * the one-way hash the store keeps of them.
 *
 * @example const token = newSecret('zl_'); // 'zl_Q2x…' (256 random bits)
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, base64url, after an optional prefix that makes leaked tokens recognisable. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of two secrets (false when either is missing). */
export function sameSecret(a: string | undefined | null, b: string | undefined | null): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || a.length === 0) return false;
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
