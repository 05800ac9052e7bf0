/**
 * Paging for lists that can grow without bound: 100 items unless asked, never more than 1,000.
 *
 * @example pageOf({ limit: 5000, offset: 20 }) // { skip: 20, limit: 1000 }
 */
import type { Page } from '../store.js';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export function pageOf(page: Page = {}): { skip: number; limit: number } {
  const limit = Math.min(Math.max(Math.trunc(page.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const skip = Math.max(Math.trunc(page.offset ?? 0), 0);
  return { skip, limit };
}
