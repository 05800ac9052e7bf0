/**
 * Survey estimates at every level of the unit tree. A community's estimate rests on its own
 * respondents; a street's, district's or the city's on the respondents of every community below it,
 * pooled (with their design weights) — never an average of the communities' estimates, which would
 * give a community of 8 respondents the same say as one of 80 and lose the interval.
 *
 * @example surveyByUnit(respondents, tree, 'mean', 30).get('4201') // the district's pooled estimate
 */
import { estimateSurvey, type SurveyEstimate, type SurveyStatistic } from './survey-estimate.js';

/** One respondent's answer to the item (NaN when not answered) and design weight. */
export interface Respondent {
  readonly unit: string;
  readonly value: number;
  readonly weight: number;
}

/** A unit of the tree: its code, its parent (null for a root) and level. */
export interface SurveyUnit {
  readonly code: string;
  readonly parent: string | null;
  readonly level: string;
}

/** Every unit's estimate, keyed by code; a unit without respondents below it has n = 0 (sample_too_small). */
export function surveyByUnit(
  respondents: readonly Respondent[],
  units: readonly SurveyUnit[],
  statistic: SurveyStatistic,
  minSample: number,
): Map<string, SurveyEstimate> {
  const parentOf = new Map(units.map((u) => [u.code, u.parent]));
  const pooled = new Map<string, { values: number[]; weights: number[] }>(
    units.map((u) => [u.code, { values: [], weights: [] }]),
  );
  for (const r of respondents) {
    if (!Number.isFinite(r.value)) continue; // the respondent skipped this item
    // The respondent counts for its unit and every ancestor (guarding against a cycle in the register).
    const seen = new Set<string>();
    for (
      let code: string | null | undefined = r.unit;
      code != null && !seen.has(code);
      code = parentOf.get(code)
    ) {
      seen.add(code);
      const bucket = pooled.get(code);
      if (bucket === undefined) break;
      bucket.values.push(r.value);
      bucket.weights.push(r.weight);
    }
  }
  const estimates = new Map<string, SurveyEstimate>();
  for (const [code, answers] of pooled) estimates.set(code, estimateSurvey(answers, statistic, minSample));
  return estimates;
}
