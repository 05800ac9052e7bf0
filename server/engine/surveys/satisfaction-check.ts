/**
 * How closely the scores track residents' satisfaction (issue 15, "many voices"): for one survey
 * measure at one level, per period and per node (each dimension and the index), the Pearson and
 * Spearman correlation of the score with the survey estimate across the units that have both (n
 * stated), and the units where the two disagree most.
 *
 * Disagreement is measured as the standardised residual of satisfaction on the score (the line of
 * satisfaction-fit.ts), not as a difference of percentile ranks, because the residual is in the
 * survey's own units (percentage points or scale points): it can be set against the unit's survey
 * interval, which a rank difference cannot, and it does not blow up small differences in the crowded
 * middle of a ranking. A unit is "less satisfied than its score predicts" when its residual is
 * negative, and the disagreement counts as beyond sampling error only when its whole interval lies
 * below the predicted value (`beyond` −1; +1 when the whole interval lies above; 0 otherwise). The
 * lists hold the LIST_LENGTH units with the most negative and the most positive standardised
 * residuals, ties in unit order.
 *
 * Units whose estimate is missing (the survey's reason, e.g. `sample_too_small`) are left out and
 * counted by reason; units the survey did not reach are counted as not surveyed; surveyed units
 * without a score for a node are counted per node.
 *
 * @example
 * const check = satisfactionCheck({ codes, periodIds: ['2025'], nodes: ['coverage', 'index'], scores, satisfaction });
 * check[0].nodes[1].pearson; check[0].nodes[1].lessSatisfied // indexes into check[0].units
 */
import { spearman } from '../audit/spearman.js';
import { pearson } from '../numeric/correlation.js';
import { MIN_UNITS, satisfactionFit } from './satisfaction-fit.js';

/** A unit's survey estimate with its 95 % interval and the respondents behind it. */
export interface SatisfactionEstimate {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
  readonly n: number;
}

/** A unit's survey result: an estimate, or why there is none (e.g. `sample_too_small`). */
export type SatisfactionCell = SatisfactionEstimate | { readonly missing: string };

export interface SatisfactionCheckInput {
  /** The level's unit codes, in the order of the score rows. */
  readonly codes: readonly string[];
  readonly periodIds: readonly string[];
  /** The nodes to check (the dimensions, then the index). */
  readonly nodes: readonly string[];
  /** Per node, the score per row (period × unit, period-major), NaN when missing. */
  readonly scores: ReadonlyMap<string, ArrayLike<number>>;
  /** Per period id, the survey result per unit code; a unit absent was not surveyed. */
  readonly satisfaction: ReadonlyMap<string, ReadonlyMap<string, SatisfactionCell>>;
}

/** −1: the whole interval lies below the predicted value; +1: above; 0: the interval holds it. */
export type Beyond = -1 | 0 | 1;

export interface NodeCheck {
  readonly node: string;
  /** Units with both an estimate and a score. */
  readonly n: number;
  /** Units with an estimate but no score for this node. */
  readonly scoreMissing: number;
  readonly pearson: number | null;
  readonly spearman: number | null;
  readonly intercept: number | null;
  readonly slope: number | null;
  readonly residualSe: number | null;
  /** Aligned with the period's `units`; null where the unit has no score or there is no line. */
  readonly score: readonly (number | null)[];
  readonly predicted: readonly (number | null)[];
  readonly residual: readonly (number | null)[];
  readonly standardised: readonly (number | null)[];
  readonly beyond: readonly (Beyond | null)[];
  /** Units whose whole interval lies below (resp. above) the predicted value. */
  readonly beyondBelow: number;
  readonly beyondAbove: number;
  /** Indexes into `units`: most negative standardised residual first, then most positive first. */
  readonly lessSatisfied: readonly number[];
  readonly moreSatisfied: readonly number[];
}

export interface PeriodCheck {
  readonly period: string;
  /** The units with a survey estimate in this period, in the level's order. */
  readonly units: readonly string[];
  readonly estimate: readonly number[];
  readonly low: readonly number[];
  readonly high: readonly number[];
  readonly respondents: readonly number[];
  /** Units left out because their estimate is missing, by the survey's reason. */
  readonly missing: Readonly<Record<string, number>>;
  /** Units of the level the survey did not reach in this period. */
  readonly notSurveyed: number;
  readonly nodes: readonly NodeCheck[];
}

/** How many units each disagreement list holds. */
export const LIST_LENGTH = 10;

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

function nodeCheck(
  node: string,
  column: ArrayLike<number> | undefined,
  rows: readonly number[],
  period: Pick<PeriodCheck, 'estimate' | 'low' | 'high'>,
): NodeCheck {
  const score = rows.map((row) => {
    const v = column?.[row];
    return finite(v) ? v : null;
  });
  const both = score.flatMap((s, i) => (s === null ? [] : [i]));
  const xs = both.map((i) => score[i] ?? 0);
  const ys = both.map((i) => period.estimate[i] ?? 0);
  const fit = satisfactionFit(xs, ys);
  const blank = (): (number | null)[] => score.map(() => null);
  const predicted = blank();
  const residual = blank();
  const standardised = blank();
  const beyond: (Beyond | null)[] = score.map(() => null);
  let beyondBelow = 0;
  let beyondAbove = 0;
  if (fit !== null) {
    both.forEach((i, k) => {
      const p = fit.predicted[k] ?? 0;
      predicted[i] = p;
      residual[i] = fit.residual[k] ?? 0;
      standardised[i] = fit.standardised[k] ?? 0;
      const side: Beyond = (period.high[i] ?? 0) < p ? -1 : (period.low[i] ?? 0) > p ? 1 : 0;
      beyond[i] = side;
      if (side === -1) beyondBelow++;
      if (side === 1) beyondAbove++;
    });
  }
  const x = Float64Array.from(xs);
  const y = Float64Array.from(ys);
  const r = both.length < MIN_UNITS ? Number.NaN : pearson(x, y);
  const rho = both.length < MIN_UNITS ? Number.NaN : spearman(x, y);
  const byResidual = (sign: number): number[] =>
    both
      .filter((i) => sign * (standardised[i] ?? 0) > 0)
      .sort((a, b) => sign * ((standardised[b] ?? 0) - (standardised[a] ?? 0)) || a - b)
      .slice(0, LIST_LENGTH);
  return {
    node,
    n: both.length,
    scoreMissing: score.length - both.length,
    pearson: Number.isFinite(r) ? r : null,
    spearman: Number.isFinite(rho) ? rho : null,
    intercept: fit?.intercept ?? null,
    slope: fit?.slope ?? null,
    residualSe: fit?.residualSe ?? null,
    score,
    predicted,
    residual,
    standardised,
    beyond,
    beyondBelow,
    beyondAbove,
    lessSatisfied: byResidual(-1),
    moreSatisfied: byResidual(1),
  };
}

export function satisfactionCheck(input: SatisfactionCheckInput): PeriodCheck[] {
  const { codes, periodIds, nodes, scores, satisfaction } = input;
  return periodIds.map((period, t) => {
    const cells = satisfaction.get(period);
    const units: string[] = [];
    const rows: number[] = [];
    const estimate: number[] = [];
    const low: number[] = [];
    const high: number[] = [];
    const respondents: number[] = [];
    const missing: Record<string, number> = {};
    let notSurveyed = 0;
    codes.forEach((code, u) => {
      const cell = cells?.get(code);
      if (cell === undefined) notSurveyed++;
      else if ('missing' in cell) missing[cell.missing] = (missing[cell.missing] ?? 0) + 1;
      else {
        units.push(code);
        rows.push(t * codes.length + u);
        estimate.push(cell.estimate);
        low.push(cell.low);
        high.push(cell.high);
        respondents.push(cell.n);
      }
    });
    const values = { estimate, low, high };
    return {
      period,
      units,
      estimate,
      low,
      high,
      respondents,
      missing,
      notSurveyed,
      nodes: nodes.map((node) => nodeCheck(node, scores.get(node), rows, values)),
    };
  });
}
