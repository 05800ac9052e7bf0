/**
 * The results' survey section: for each survey indicator the framework reports, its estimate per
 * unit and period at every level of the register (communities, streets, districts, the city), with
 * the 95 % interval, the respondents n, Kish's effective n and why an estimate is missing. The
 * engine computes the estimates (engine/surveys/), pooling respondents up the tree; this only lays
 * them out, columnar like the rest of the results: per level, `units` in register order and per
 * column one entry per period × unit, period-major (entry = units.length × periodIndex + unitIndex).
 *
 * @example doc.surveys.indicators[0].levels.street.estimate[street.units.length * p + u]
 */
import { surveyByUnit, type Respondent } from '../engine/surveys/pool-respondents.js';
import type { SurveyEstimate } from '../engine/surveys/survey-estimate.js';
import type { Bilingual, SurveyLevel, SurveyStatistic } from '../indicators/definitions.js';
import type { ResolvedSurvey } from '../indicators/registry-types.js';
import { UNIT_LEVELS, type UnitLevel } from '../domain/unit.js';
import type { ResponseRow } from '../domain/response.js';
import type { Unit } from '../store/models/unit.js';

type Cell = number | null;

export interface SurveyLevelDocument {
  readonly units: readonly string[];
  readonly estimate: readonly Cell[];
  readonly low: readonly Cell[];
  readonly high: readonly Cell[];
  readonly n: readonly number[];
  readonly nEffective: readonly number[];
  /** null where there is an estimate; otherwise the missing reason (sample_too_small). */
  readonly missing: readonly (string | null)[];
}

export interface SurveyIndicatorDocument {
  readonly id: string;
  readonly version: string;
  readonly hash: string;
  readonly name: Bilingual;
  readonly item: string;
  readonly question: Bilingual;
  /** The answer levels, lowest first, as the definition gives them. */
  readonly scale: readonly SurveyLevel[];
  readonly statistic: SurveyStatistic;
  readonly minSample: number;
  /** The scale's lowest and highest values (the range of a mean). */
  readonly scaleMin: number;
  readonly scaleMax: number;
  /** Only the levels the register has. */
  readonly levels: Readonly<Partial<Record<UnitLevel, SurveyLevelDocument>>>;
}

export interface SurveysDocument {
  readonly indicators: readonly SurveyIndicatorDocument[];
  /** sha256 over the (unit, period, batch, sequence) of every respondent batch used. */
  readonly fingerprint: string;
}

export interface SurveyPeriod {
  readonly id: string;
  readonly respondents: readonly ResponseRow[];
}

function levelDocument(
  codes: readonly string[],
  periods: readonly ReadonlyMap<string, SurveyEstimate>[],
): SurveyLevelDocument {
  const doc = {
    units: codes,
    estimate: [] as Cell[],
    low: [] as Cell[],
    high: [] as Cell[],
    n: [] as number[],
    nEffective: [] as number[],
    missing: [] as (string | null)[],
  };
  for (const byUnit of periods) {
    for (const code of codes) {
      const e = byUnit.get(code);
      doc.estimate.push(e?.estimate ?? null);
      doc.low.push(e?.low ?? null);
      doc.high.push(e?.high ?? null);
      doc.n.push(e?.n ?? 0);
      doc.nEffective.push(e?.nEffective ?? 0);
      doc.missing.push(e === undefined ? 'sample_too_small' : e.missing);
    }
  }
  return doc;
}

export function surveysDocument(
  surveys: readonly ResolvedSurvey[],
  register: readonly Unit[],
  periods: readonly SurveyPeriod[],
  fingerprint: string,
): SurveysDocument | undefined {
  if (surveys.length === 0) return undefined;
  const units = register.map((u) => ({ code: u.code, parent: u.parent, level: u.level }));
  const indicators = surveys.map((survey): SurveyIndicatorDocument => {
    const { definition } = survey;
    const byPeriod = periods.map((period) => {
      const respondents: Respondent[] = [];
      for (const row of period.respondents) {
        const value = row.answers[definition.item];
        if (value !== undefined) respondents.push({ unit: row.unit, value, weight: row.weight });
      }
      return surveyByUnit(respondents, units, definition.statistic, survey.minSample);
    });
    const levels: Partial<Record<UnitLevel, SurveyLevelDocument>> = {};
    for (const level of UNIT_LEVELS) {
      const codes = register.filter((u) => u.level === level).map((u) => u.code);
      if (codes.length > 0) levels[level] = levelDocument(codes, byPeriod);
    }
    const values = definition.scale.map((l) => l.value);
    return {
      id: survey.id,
      version: definition.version,
      hash: survey.hash,
      name: definition.name,
      item: definition.item,
      question: definition.question,
      scale: definition.scale,
      statistic: definition.statistic,
      minSample: survey.minSample,
      scaleMin: Math.min(...values),
      scaleMax: Math.max(...values),
      levels,
    };
  });
  return { indicators, fingerprint };
}
