/**
 * The audit log as a download: CSV (UTF-8 with a BOM so Excel reads the Chinese, every text cell
 * that a spreadsheet would take for a formula neutralised and line breaks quoted by safe-csv.ts) or JSON.
 * The detail column holds the detail as JSON text (a plain string detail as itself).
 *
 * @example auditCsv([{ at, actor: 'wang', action: 'import.commit', target: 'bat_1', detail: {…} }])
 */
import { safeCsv } from '../../intake/safe-csv.js';
import type { AuditEvent } from '../../domain/audit-event.js';

export const AUDIT_CSV_HEADER = ['时间 at', '操作者 actor', '操作 action', '对象 target', '详情 detail'];

function detailText(detail: AuditEvent['detail']): string {
  if (detail === null) return '';
  return typeof detail === 'string' ? detail : JSON.stringify(detail);
}

export function auditCsv(events: readonly AuditEvent[]): string {
  const rows = events.map((e) => [e.at, e.actor, e.action, e.target ?? '', detailText(e.detail)]);
  return safeCsv([AUDIT_CSV_HEADER, ...rows]);
}

export function auditJson(events: readonly AuditEvent[]): string {
  return JSON.stringify(events);
}
