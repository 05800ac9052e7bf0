/**
 * Audit events, for the access issue: who did what to which target, when, with a JSON detail.
 *
 * @example { actor: 'wang', action: 'evaluation.publish', target: 'ev_m5x2…', detail: { period: '2025' } }
 */
import { compileValidator } from '../validation/compile.js';
import type { JsonValue } from '../store.js';

export interface AuditEvent {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  /** Dotted verb such as "import.commit" or "user.disable". */
  readonly action: string;
  readonly target: string | null;
  readonly detail: JsonValue;
}

export interface NewAuditEvent {
  readonly at?: string;
  readonly actor: string;
  readonly action: string;
  readonly target?: string | null;
  readonly detail?: JsonValue;
}

export interface AuditQuery {
  readonly actor?: string;
  readonly action?: string;
  readonly target?: string;
  /** ISO timestamps; `since` inclusive, `until` exclusive. */
  readonly since?: string;
  readonly until?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export const asNewAuditEvent = compileValidator<NewAuditEvent>('audit event', {
  type: 'object',
  additionalProperties: false,
  required: ['actor', 'action'],
  properties: {
    at: { type: 'string', format: 'date-time' },
    actor: { type: 'string', minLength: 1, maxLength: 200 },
    action: { type: 'string', pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$', maxLength: 100 },
    target: { anyOf: [{ type: 'null' }, { type: 'string', minLength: 1, maxLength: 500 }] },
    detail: {},
  },
});
