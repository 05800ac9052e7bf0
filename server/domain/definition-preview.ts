/**
 * What the impact preview of a definition draft says (services/preview-definitions.ts computes
 * it through the engine; the workbench page formats it).
 */
import type { RankingComparison } from '../engine/compare/compare-rankings.js';
import type { NodesWithoutData } from '../engine/preview/nodes-without-data.js';
import type { ReportingBurden } from '../engine/preview/reporting-burden.js';
import type { VariableCoverage } from '../engine/preview/variable-coverage.js';
import type { Bilingual } from './bilingual.js';
import type { DefinitionDraft } from './definition-draft.js';

export interface DefinitionPreview {
  readonly draft: DefinitionDraft;
  readonly frameworkId: string;
  /** The framework's version in the catalogue now (null for a framework the draft adds) and in the draft. */
  readonly versionBefore: string | null;
  readonly versionAfter: string;
  readonly evaluationId: string;
  /** The period whose rankings are compared: the evaluation's last. */
  readonly period: string;
  /** Whose method choices the run used: the evaluation's, or the framework's where those no longer apply. */
  readonly methodsFrom: 'evaluation' | 'framework';
  /** The communities compared, in the evaluation's order; column 0 = the evaluation, 1 = the preview. */
  readonly codes: readonly string[];
  /** Their names, in the same order. */
  readonly names: readonly Bilingual[];
  /** Each community's rank in the evaluation and in the preview (NaN where it has none). */
  readonly ranksBefore: Float64Array;
  readonly ranksAfter: Float64Array;
  readonly comparison: RankingComparison;
  readonly coverage: readonly VariableCoverage[];
  readonly withoutData: NodesWithoutData;
  readonly burden: ReportingBurden;
}
