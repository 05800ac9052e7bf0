/**
 * Audit events as the store takes them: a new event names one of the actions of the typed union
 * (domain/audit-event.ts), checked again here at the boundary.
 */
import { compileValidator } from '../../validation/compile.js';
import type { JsonValue } from '../store.js';
import { AUDIT_ACTIONS, type AuditAction } from '../../domain/audit-event.js';

export type { AuditEvent, AuditQuery } from '../../domain/audit-event.js';

export interface NewAuditEvent {
  readonly at?: string;
  readonly actor: string;
  readonly action: AuditAction;
  readonly target?: string | null;
  readonly detail?: JsonValue;
}

export const asNewAuditEvent = compileValidator<NewAuditEvent>('audit event', {
  type: 'object',
  additionalProperties: false,
  required: ['actor', 'action'],
  properties: {
    at: { type: 'string', format: 'date-time' },
    actor: { type: 'string', minLength: 1, maxLength: 200 },
    action: { enum: AUDIT_ACTIONS },
    target: { anyOf: [{ type: 'null' }, { type: 'string', minLength: 1, maxLength: 500 }] },
    detail: {},
  },
});
