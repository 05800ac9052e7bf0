/**
 * The shape of a survey indicator (indicators/survey.schema.json): a question put to residents,
 * its ordered answer scale and the statistic estimated from the answers. A value reaches this type
 * only after the schema validator accepted it.
 */
import type { Bilingual } from './definitions.js';

/** One answer level: the value written in the file and its label. */
export interface SurveyLevel {
  readonly value: number;
  readonly label: Bilingual;
}

/** The weighted share answering at least a level, or the weighted mean answer. */
export type SurveyStatistic = 'mean' | { readonly share_at_least: number };

export interface SurveyDefinition {
  readonly kind: 'survey';
  readonly id: string;
  readonly version: string;
  readonly name: Bilingual;
  readonly description: Bilingual;
  readonly rationale: Bilingual;
  readonly source: readonly { readonly ref: string; readonly note?: Bilingual }[];
  readonly item: string;
  readonly question: Bilingual;
  /** Lowest level first. */
  readonly scale: readonly SurveyLevel[];
  readonly statistic: SurveyStatistic;
  /** The fewest respondents an estimate needs; DEFAULT_MIN_SAMPLE when absent. */
  readonly minSample?: number;
}

/** Below 30 respondents a unit's estimate is withheld (the usual rule of thumb for a normal interval). */
export const DEFAULT_MIN_SAMPLE = 30;
