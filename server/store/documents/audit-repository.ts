/**
 * Audit events over the document port: append-only; the detail is kept as JSON text.
 */
import { ValidationError } from '../../errors.js';
import { nowIso } from '../models/common.js';
import { asNewAuditEvent, type AuditEvent, type AuditQuery } from '../models/audit-event.js';
import { newId } from '../models/ids.js';
import type { AuditStore, JsonValue } from '../store.js';
import { assertStorableJson } from '../validation/safe-json.js';
import type { DocumentCollection, StoredDoc } from './document-database.js';
import { pageOf } from './page.js';

type AuditDoc = Omit<AuditEvent, 'id' | 'detail'> & { readonly _id: string; readonly detailJson: string };

function eventOf(stored: StoredDoc): AuditEvent {
  const { _id, detailJson, ...event } = stored as unknown as AuditDoc;
  return { id: _id, ...event, detail: JSON.parse(detailJson) as JsonValue };
}

function isoOrThrow(value: string, where: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time))
    throw new ValidationError(`${where} is not a date`, [{ where, message: `found ${value}` }]);
  return new Date(time).toISOString();
}

export class AuditRepository implements AuditStore {
  constructor(private readonly events: DocumentCollection) {}

  async append(input: unknown): Promise<AuditEvent> {
    const e = asNewAuditEvent(input);
    const detail = assertStorableJson(e.detail ?? null, 'audit event/detail');
    const doc: AuditDoc = {
      _id: newId('aud'),
      at: e.at === undefined ? nowIso() : new Date(e.at).toISOString(),
      actor: e.actor,
      action: e.action,
      target: e.target ?? null,
      detailJson: JSON.stringify(detail),
    };
    await this.events.insertOne(doc);
    return eventOf(doc);
  }

  async list(query: AuditQuery = {}): Promise<AuditEvent[]> {
    const filter: Record<string, unknown> = {};
    if (query.actor !== undefined) filter.actor = query.actor;
    if (query.action !== undefined) filter.action = query.action;
    if (query.target !== undefined) filter.target = query.target;
    const at: Record<string, string> = {};
    if (query.since !== undefined) at.$gte = isoOrThrow(query.since, 'since');
    if (query.until !== undefined) at.$lt = isoOrThrow(query.until, 'until');
    if (Object.keys(at).length > 0) filter.at = at;
    const docs = await this.events.find(filter, { sort: { at: -1, _id: -1 }, ...pageOf(query) });
    return docs.map(eventOf);
  }
}
