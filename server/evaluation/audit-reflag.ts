/**
 * The correlation flags of a stored audit at other thresholds (the audit page's "double counting
 * above" and "pulling apart below" fields): the engine's correlationFlags over the stored Pearson
 * correlations and the parents the audit recorded, returned as a copy of the audit with its flags
 * and thresholds replaced. Nothing else changes.
 *
 * @example reflagged(audit, { high: 0.8, low: -0.3 }).flags
 */
import { correlationFlags, type FlagThresholds } from '../engine/audit/correlation-flags.js';
import type { AuditDocument } from './audit-document.js';

export function reflagged(audit: AuditDocument, thresholds: FlagThresholds): AuditDocument {
  const parents = new Map(audit.withParent.map((w) => [w.element, w.parent]));
  const pairs = audit.correlations.map((c) => ({
    a: c.a,
    b: c.b,
    pearson: c.pearson ?? Number.NaN,
    spearman: c.spearman ?? Number.NaN,
  }));
  return { ...audit, flags: correlationFlags(pairs, parents, thresholds), flagThresholds: thresholds };
}
