/**
 * What a report context is made of, read from an evaluation's stored results: the compact results
 * and each optional section. Plain data only (typed arrays, arrays, plain objects and Maps, no
 * functions), so it can be kept on disk and read back as it was (report-snapshots.ts) instead of
 * parsing and compacting the results JSON again after every restart.
 *
 * @example assembleReportContext(evaluation, contextSections(stored, 'evaluation ev_1 results'), version)
 */
import type { AuditDocument } from '../../evaluation/audit-document.js';
import type { SatisfactionDocument } from '../../evaluation/satisfaction-section.js';
import type { SurveysDocument } from '../../evaluation/surveys-document.js';
import type { TargetsDocument } from '../../evaluation/targets-document.js';
import type { IndicatorStatuses } from '../../evaluation/value-statuses.js';
import type { VerificationDocument } from '../../evaluation/verification-document.js';
import type { SensitivityRow } from '../views/statistical-audit-tables.js';
import { compactExpected, type CompactExpected } from './compact-expected.js';
import { compactProgress, type CompactProgress } from './compact-progress.js';
import { compactResults, type CompactResults } from './compact-results.js';
import { readAuditSection, readSensitivityRows } from './read-audit.js';
import { readExpectedSection } from './read-expected.js';
import { readProgressSection } from './read-progress.js';
import { readResults } from './read-results.js';
import { readSatisfactionSection } from './read-satisfaction.js';
import { readSurveysSection } from './read-surveys.js';
import { readTargetsSection } from './read-targets.js';
import { readValueStatusesSection, readVerificationSection } from './read-verification.js';

export interface ContextSections {
  readonly results: CompactResults;
  /** The statistical audit stored with the results (null for results without one). */
  readonly audit: AuditDocument | null;
  /** Progress since the base period and the worse-and-worsening flags (null for results without them). */
  readonly progress: CompactProgress | null;
  /** The base units' expected scores from their structural attributes (null for results without them). */
  readonly expected: CompactExpected | null;
  /** Targets that fit: the framework's overrides and where they applied (null without overrides). */
  readonly targets: TargetsDocument | null;
  /** How closely the scores track residents' satisfaction (null for results without surveys). */
  readonly satisfaction: SatisfactionDocument | null;
  /** Residents' survey estimates per indicator, level, unit and period (null without survey indicators). */
  readonly surveys: SurveysDocument | null;
  /** Self-reported against verified figures (issue 15; null when nobody checked anything). */
  readonly verification: VerificationDocument | null;
  /** Per period and unit, the indicator values that are not plain self-reported (null before sources existed). */
  readonly valueStatuses: IndicatorStatuses | null;
  /** The Sobol indices of a Saltelli Monte Carlo, one row per factor and node ([] without). */
  readonly sensitivity: readonly SensitivityRow[];
}

/** Checks and compacts the stored results; `where` names them in errors. */
export function contextSections(stored: unknown, where: string): ContextSections {
  return {
    results: compactResults(readResults(stored, where)),
    audit: readAuditSection(stored),
    progress: compactProgress(readProgressSection(stored)),
    expected: compactExpected(readExpectedSection(stored)),
    targets: readTargetsSection(stored),
    satisfaction: readSatisfactionSection(stored),
    surveys: readSurveysSection(stored),
    verification: readVerificationSection(stored),
    valueStatuses: readValueStatusesSection(stored),
    sensitivity: readSensitivityRows(stored),
  };
}
