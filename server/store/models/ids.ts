/**
 * Document ids the store generates: a prefix, the time in base 36 (so ids sort roughly by
 * creation) and 40 random bits.
 *
 * @example newId('imp') // 'imp_m5x2k9q1-3fa9c0d2e1'
 */
import { randomBytes } from 'node:crypto';

export function newId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}-${randomBytes(5).toString('hex')}`;
}
