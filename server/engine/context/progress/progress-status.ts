/**
 * Progress status of one series from a base value to a current value, after Open SDG's automated
 * progress measurement (sdg-build `sdg/ProgressMeasure.py`, following Statistics Canada's methodology;
 * documented on Open SDG's "Progress Measurement Methodology" page):
 *
 * - Growth is the compound annual growth rate, CAGR = (x_t / x_0)^(1 / (t − t_0)) − 1.
 * - With a target T for the target time t_T: the target is reached when x_t is at or beyond T in the
 *   indicator's direction. Otherwise the ratio of the actual to the needed growth,
 *   sign · direction · CAGR(x_0 → x_t) / |CAGR(x_0 → T by t_T)|, is read against Open SDG's default
 *   thresholds 0.95, 0.6 and 0: at least 0.95 on track (Open SDG: "substantial progress"), at least 0.6
 *   moderate progress, at least 0 limited progress, below 0 deterioration.
 * - Without a target (Open SDG's "methodology 1"): the growth itself, sign · direction · CAGR, is read
 *   against 1.5 %, 0.5 % and 0 a year with the same four names.
 * - As in Open SDG a base value of 0 counts as 0.001 (so is a target of 0), `sign` is −1 when the base
 *   value is negative, and a base and current value of opposite signs have no status.
 *
 * @example progressStatus({ base: 50, current: 60.5, years: 2, direction: 1, target: 100, targetYears: 7 })
 * // { status: ProgressStatus.OnTrack, value: 0.9607… } (10 % a year against the 10.41 % needed: ratio ≥ 0.95)
 */
import type { Direction } from '../../types.js';

export const ProgressStatus = {
  None: 0,
  TargetReached: 1,
  OnTrack: 2,
  Moderate: 3,
  Limited: 4,
  Deterioration: 5,
} as const;
export type ProgressStatusCode = (typeof ProgressStatus)[keyof typeof ProgressStatus];

/** The stored names of the codes, in code order. */
export const PROGRESS_STATUSES = [
  'none',
  'target_reached',
  'on_track',
  'moderate_progress',
  'limited_progress',
  'deterioration',
] as const;
export type ProgressStatusName = (typeof PROGRESS_STATUSES)[number];

/** Open SDG's default thresholds on the ratio of actual to needed growth (indicators with a target). */
export const TARGET_THRESHOLDS = { high: 0.95, med: 0.6, low: 0 } as const;
/** Open SDG's default thresholds on the annual growth rate (indicators without a target). */
export const GROWTH_THRESHOLDS = { high: 0.015, med: 0.005, low: 0 } as const;

/** What Open SDG puts in place of a base value or target of 0 (a growth rate from 0 is undefined). */
const ZERO_STANDIN = 0.001;

export interface ProgressSeries {
  readonly base: number;
  readonly current: number;
  /** Years from the base to the current value (> 0). */
  readonly years: number;
  readonly direction: Direction;
  /** The value to reach; absent for a series without a target. */
  readonly target?: number | undefined;
  /** Years from the base to the target period (> 0); read only with a target. */
  readonly targetYears?: number;
}

export interface ProgressOutcome {
  readonly status: ProgressStatusCode;
  /** The ratio of actual to needed growth (with a target) or the annual growth (without); NaN when none. */
  readonly value: number;
}

const NONE: ProgressOutcome = { status: ProgressStatus.None, value: Number.NaN };

/** Compound annual growth rate from `from` to `to` over `years`. */
export function cagr(from: number, to: number, years: number): number {
  return (to / from) ** (1 / years) - 1;
}

function classify(value: number, thresholds: { high: number; med: number; low: number }): ProgressStatusCode {
  if (value >= thresholds.high) return ProgressStatus.OnTrack;
  if (value >= thresholds.med) return ProgressStatus.Moderate;
  if (value >= thresholds.low) return ProgressStatus.Limited;
  if (value < thresholds.low) return ProgressStatus.Deterioration;
  return ProgressStatus.None;
}

export function progressStatus(series: ProgressSeries): ProgressOutcome {
  const { current, years, direction, target } = series;
  if (!Number.isFinite(series.base) || !Number.isFinite(current) || !(years > 0)) return NONE;
  if (target !== undefined && (current - target) * direction >= 0) {
    return { status: ProgressStatus.TargetReached, value: Number.NaN };
  }
  const base = series.base === 0 ? ZERO_STANDIN : series.base;
  const sign = base < 0 ? -1 : 1;
  if ((base > 0 && current < 0) || (base < 0 && current > 0)) return NONE;
  const observed = cagr(base, current, years);
  if (target === undefined) {
    const value = sign * direction * observed;
    return { status: classify(value, GROWTH_THRESHOLDS), value };
  }
  const goal = target === 0 ? ZERO_STANDIN : target;
  const targetYears = series.targetYears ?? Number.NaN;
  if (!(targetYears > 0) || goal / base <= 0) return NONE;
  const needed = cagr(base, goal, targetYears);
  const value = (sign * direction * observed) / Math.abs(needed);
  return { status: classify(value, TARGET_THRESHOLDS), value: Number.isFinite(value) ? value : Number.NaN };
}
