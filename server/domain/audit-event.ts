/**
 * Audit events: who did what to which target, when, with a JSON detail. The actions are one typed
 * union here, the only list of what the audit log can say, so a use case cannot invent a spelling
 * the audit page and its filters do not know.
 *
 * @example { actor: 'wang', action: 'evaluation.publish', target: 'ev_m5x2…', detail: { period: '2025' } }
 */
import type { JsonValue } from './json-value.js';

export const AUDIT_ACTIONS = [
  'setup.admin',
  'login.success',
  'login.failure',
  'logout',
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'token.create',
  'token.revoke',
  'import.commit',
  'import.duplicate',
  'import.fail',
  'evaluation.create',
  'evaluation.version',
  'evaluation.publish',
  'evaluation.delete',
  'job.cancel',
  'backup.create',
  'backup.restore',
  'demo.load',
  'definitions.draft.create',
  'definitions.draft.save',
  'definitions.draft.delete',
  'self_evaluation.run',
  'definitions.publish',
  'batch.confirm',
  'batch.return',
  'batch.correct',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEvent {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  /** Recorded as written; events restored from an older backup may carry an action no longer written. */
  readonly action: string;
  readonly target: string | null;
  readonly detail: JsonValue;
}

/** A filter over the audit log, newest first. */
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
