/**
 * Survey cross-checks. Per survey indicator: the scale's values rise strictly (lowest first) and a
 * share's level is one of them, above the lowest (a share of "at least the lowest" is always 1);
 * the item is not a key column of the respondent file; survey indicators that read the same item
 * declare the same scale (the first in path order sets it). Per framework: every survey listed
 * exists, once.
 */
import type { FrameworkDefinition, SurveyDefinition } from './definitions.js';
import type { ParsedDefinition } from './parse-definitions.js';
import { pointer, type Problem } from './problem.js';

/** Columns of a respondent file that are not items. */
export const RESPONSE_KEY_COLUMNS: readonly string[] = ['unit_code', 'period', 'weight'];

function scaleText(survey: SurveyDefinition): string {
  return survey.scale.map((level) => `${level.value} ${level.label.zh}`).join(', ');
}

function scaleKey(survey: SurveyDefinition): string {
  return JSON.stringify(survey.scale.map((level) => [level.value, level.label.zh, level.label.en]));
}

function sameScale(a: SurveyDefinition, b: SurveyDefinition): boolean {
  return scaleKey(a) === scaleKey(b);
}

function checkOne(file: string, survey: SurveyDefinition): Problem[] {
  const problems: Problem[] = [];
  survey.scale.forEach((level, index) => {
    const before = survey.scale[index - 1];
    if (before !== undefined && level.value <= before.value) {
      problems.push({
        file,
        pointer: pointer('scale', index, 'value'),
        expected: `a value above ${before.value} (levels lowest first, each value once)`,
        found: String(level.value),
        message: 'scale out of order',
      });
    }
  });
  if (typeof survey.statistic === 'object') {
    const level = survey.statistic.share_at_least;
    const values = survey.scale.map((l) => l.value);
    if (!values.includes(level) || level === values[0]) {
      problems.push({
        file,
        pointer: pointer('statistic', 'share_at_least'),
        expected: `a level of the scale above the lowest: ${values.slice(1).join(', ')}`,
        found: String(level),
        message: 'share level not on the scale',
      });
    }
  }
  if (RESPONSE_KEY_COLUMNS.includes(survey.item)) {
    problems.push({
      file,
      pointer: pointer('item'),
      expected: `an item name other than ${RESPONSE_KEY_COLUMNS.join(', ')}`,
      found: JSON.stringify(survey.item),
      message: 'item clashes with a key column of the respondent file',
    });
  }
  return problems;
}

export function checkSurveys(surveys: readonly ParsedDefinition<SurveyDefinition>[]): Problem[] {
  const problems: Problem[] = [];
  const firstByItem = new Map<string, ParsedDefinition<SurveyDefinition>>();
  for (const entry of surveys) {
    problems.push(...checkOne(entry.file, entry.definition));
    const first = firstByItem.get(entry.definition.item);
    if (first === undefined) firstByItem.set(entry.definition.item, entry);
    else if (!sameScale(first.definition, entry.definition)) {
      problems.push({
        file: entry.file,
        pointer: pointer('scale'),
        expected: `${scaleText(first.definition)}, as declared by ${first.definition.id} (${first.file}) for item ${entry.definition.item}`,
        found: scaleText(entry.definition),
        message: 'item declared with a different scale by another survey indicator',
      });
    }
  }
  return problems;
}

/** A framework's `surveys`: each the id of a survey indicator, listed once. */
export function checkFrameworkSurveys(
  file: string,
  framework: FrameworkDefinition,
  surveyIds: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  (framework.surveys ?? []).forEach((id, index) => {
    const at = pointer('surveys', index);
    if (seen.has(id)) {
      problems.push({
        file,
        pointer: at,
        expected: 'each survey indicator listed once',
        found: JSON.stringify(id),
        message: 'survey listed twice',
      });
    }
    seen.add(id);
    if (!surveyIds.has(id)) {
      problems.push({
        file,
        pointer: at,
        expected: 'the id of a survey indicator (kind "survey")',
        found: JSON.stringify(id),
        message: 'unknown survey indicator',
      });
    }
  });
  return problems;
}
