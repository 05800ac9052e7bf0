/**
 * Document ids the store generates: a prefix, the time in base 36, a sequence number of this
 * process (so ids made in the same millisecond still sort in the order they were made: the audit
 * log lists events by time, then id) and 40 random bits.
 *
 * @example newId('imp') // 'imp_m5x2k9q1-00002a-3fa9c0d2e1'
 */
import { randomBytes } from 'node:crypto';

const SEQUENCE_SPAN = 36 ** 6;
let sequence = 0;

export function newId(prefix: string): string {
  sequence = (sequence + 1) % SEQUENCE_SPAN;
  const order = sequence.toString(36).padStart(6, '0');
  return `${prefix}_${Date.now().toString(36)}-${order}-${randomBytes(5).toString('hex')}`;
}
