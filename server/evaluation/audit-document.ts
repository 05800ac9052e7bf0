/**
 * The stored form of an evaluation's statistical audit (server/engine/audit): the same records with
 * every number that could not be computed (NaN) stored as null, so the document is plain JSON. It is
 * an optional section of the results document, written when the evaluation runs.
 *
 * @example toAuditDocument(auditEvaluation(input, result)).cronbach[0] // { node: 'coverage', alpha: 0.71 }
 */
import type { StatisticalAudit } from '../engine/audit/audit.js';

/** A record with its numbers stored as number | null (NaN → null). */
export type Stored<T> = T extends number
  ? number | null
  : T extends string | boolean
    ? T
    : T extends readonly (infer U)[]
      ? readonly Stored<U>[]
      : { readonly [K in keyof T]: Stored<T[K]> };

export type AuditDocument = Stored<StatisticalAudit>;

export function toAuditDocument(audit: StatisticalAudit): AuditDocument {
  // JSON writes NaN as null, which is exactly the stored form.
  return JSON.parse(JSON.stringify(audit)) as AuditDocument;
}
