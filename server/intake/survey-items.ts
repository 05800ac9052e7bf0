/**
 * The items a respondent file may hold: the items of a framework's survey indicators, each once
 * with its scale (survey indicators that share an item share its scale; the registry checks it).
 */
import type { Bilingual, SurveyLevel } from '../indicators/definitions.js';
import type { ResolvedSurvey } from '../indicators/registry-types.js';

export interface SurveyItem {
  readonly name: string;
  readonly question: Bilingual;
  /** Lowest level first. */
  readonly scale: readonly SurveyLevel[];
}

export function surveyItems(surveys: readonly ResolvedSurvey[]): SurveyItem[] {
  const byName = new Map<string, SurveyItem>();
  for (const { definition } of surveys) {
    if (!byName.has(definition.item)) {
      byName.set(definition.item, {
        name: definition.item,
        question: definition.question,
        scale: definition.scale,
      });
    }
  }
  return [...byName.values()];
}

/** "1 很不满意 very dissatisfied, 2 …": the levels as a report's "expected". */
export function describeScale(item: SurveyItem): string {
  return item.scale.map((level) => `${level.value} ${level.label.zh} ${level.label.en}`).join(', ');
}
