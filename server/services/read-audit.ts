/**
 * Reading the audit log (audit.read, admins), for the audit page and the API alike: a page of
 * events, newest first, and an export of everything a filter matches up to AUDIT_EXPORT_LIMIT,
 * read up to the moment the export started (events appended meanwhile would shift the offsets).
 *
 * @example const events = await everyAuditEvent(services, actor, { action: 'login.failure' })
 */
import type { AuditEvent } from '../domain/audit-event.js';
import type { AuditQuery } from '../store/models/audit-event.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';

/** The most events one export holds; narrow the dates for more. */
export const AUDIT_EXPORT_LIMIT = 100_000;
/** What the store hands out per read. */
const STORE_PAGE = 1000;

/** Events matching the query (with its limit and offset), newest first. */
export async function auditEvents(
  context: { readonly store: Store },
  actor: Actor,
  query: AuditQuery,
): Promise<AuditEvent[]> {
  assertMay(actor, 'audit.read');
  return context.store.audit.list(query);
}

/** Every event the filter matches, newest first, at most AUDIT_EXPORT_LIMIT. */
export async function everyAuditEvent(
  context: { readonly store: Store },
  actor: Actor,
  filter: Omit<AuditQuery, 'limit' | 'offset'>,
): Promise<AuditEvent[]> {
  assertMay(actor, 'audit.read');
  const until = filter.until ?? new Date(Date.now() + 1).toISOString();
  const events: AuditEvent[] = [];
  for (;;) {
    const page = await context.store.audit.list({
      ...filter,
      until,
      limit: STORE_PAGE,
      offset: events.length,
    });
    events.push(...page);
    if (page.length < STORE_PAGE || events.length >= AUDIT_EXPORT_LIMIT)
      return events.slice(0, AUDIT_EXPORT_LIMIT);
  }
}
