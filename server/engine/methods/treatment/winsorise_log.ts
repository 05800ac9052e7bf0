/**
 * COINr's default outlier treatment (Treat with f1 = winsorise, f2 = log_CT, f_pass = check_SkewKurt,
 * combine_treat = FALSE), per indicator and period:
 * 1. If the column passes the skew/kurtosis check (|skew| < `skew` or kurt < `kurtosis`), leave it.
 * 2. Otherwise winsorise in a loop while it fails and nwin < `winmax`: if skew ≥ 0, every point equal
 *    to the current maximum takes the largest remaining value; else every point equal to the minimum
 *    takes the smallest remaining value. nwin = points moved at the last high step + at the last low step.
 * 3. If the winsorised column passes, keep it; otherwise apply log(x - min + 0.01 (max - min)) to the
 *    original (not winsorised) column.
 * When the check cannot be made (fewer than 4 values, no spread) the column is left untouched, as COINr
 * does when check_SkewKurt returns NA.
 *
 * @example { "method": "winsorise_log", "skew": 2, "kurtosis": 3.5, "winmax": 5 }
 * [1, 2, …, 10, 30, 100] fails (skew 3.06, kurtosis 9.74); 100 becomes 30 (one point) and it passes.
 */
import { paramsSchema } from '../param-schemas.js';
import { CellFlag } from '../../flags.js';
import { maxOf, minOf } from '../../numeric/summary.js';
import type { TreatmentMethod, TreatmentOutcome } from './contract.js';
import { checkSkewKurt } from './skew-kurt-check.js';
import { planWinsorisation, type WinsorisePlan } from './winsorise-plan.js';
import { outputFloat64, outputUint8 } from '../../parallel/shared.js';

export interface WinsoriseLogParams {
  readonly skew: number;
  readonly kurtosis: number;
  readonly winmax: number;
}

export const winsorise_log: TreatmentMethod<'winsorise_log'> = {
  name: 'winsorise_log',
  params: paramsSchema({
    skew: { type: 'number', exclusiveMinimum: 0 },
    kurtosis: { type: 'number', exclusiveMinimum: 0 },
    winmax: { type: 'integer', minimum: 0 },
  }),
  label: { zh: '缩尾，必要时取对数', en: 'winsorisation, then log transform' },
  explain: {
    zh: '偏度和峰度过高的指标先缩尾少数极端值，仍不够时取对数。',
    en: 'Indicators with high skew and kurtosis have a few extreme values winsorised, then are log-transformed if that is not enough.',
  },
  prepare(reader) {
    const params: WinsoriseLogParams = {
      skew: reader.number('skew', 2, { above: 0 }),
      kurtosis: reader.number('kurtosis', 3.5),
      winmax: reader.number('winmax', 5, { min: 0, integer: true }),
    };
    return { name: 'winsorise_log', params: { ...params }, run: (x) => winsoriseLog(x, params) };
  },
};

export function winsoriseLog(x: Float64Array, params: WinsoriseLogParams): TreatmentOutcome {
  const before = checkSkewKurt(x, params.skew, params.kurtosis);
  const base = { skew: before.skew, kurt: before.kurt };
  if (before.pass === null)
    return { values: x, flags: undefined, result: 'not_tested', details: nullable(base) };
  if (before.pass) return { values: x, flags: undefined, result: 'passed', details: base };

  const plan = x.length >= FAST_FROM ? planWinsorisation(x, params) : undefined;
  const clamped = plan === undefined ? undefined : clampWithFlags(x, plan);
  const { values: winsorised, nwin } =
    plan === undefined || clamped === undefined
      ? winsorise(x, params, before.skew)
      : { values: clamped.values, nwin: plan.nwin };
  const after = checkSkewKurt(winsorised, params.skew, params.kurtosis);
  // COINr returns the untreated column when the check after winsorising gives NA.
  if (after.pass === null) {
    return { values: x, flags: undefined, result: 'not_tested', details: nullable({ ...base, nwin }) };
  }
  if (after.pass) {
    return {
      values: winsorised,
      flags: clamped?.flags ?? winsorisedFlags(x, winsorised),
      result: 'winsorised',
      details: { ...base, nwin, skewAfter: after.skew, kurtAfter: after.kurt },
    };
  }
  const { values: logged, flags } = logCTWithFlags(x);
  return { values: logged, flags, result: 'log_transformed', details: { ...base, nwin } };
}

/**
 * Columns at least this long take the planned route (winsorise-plan.ts); shorter ones, such as the
 * 51 ASEM countries, run COINr's loop step by step on the data.
 */
const FAST_FROM = 200;

/** Winsorised values as the plan says: clamped between its floor and cap. */
export function clamp(x: Float64Array, plan: WinsorisePlan): Float64Array {
  const length = x.length;
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = x[i] ?? Number.NaN;
    out[i] = v > plan.high ? plan.high : v < plan.low ? plan.low : v;
  }
  return out;
}

/** The winsorisation loop of COINr's winsorise(), step by step on the data; returns a new array. */
export function winsorise(
  x: Float64Array,
  params: WinsoriseLogParams,
  initialSkew: number,
): { values: Float64Array; nwin: number } {
  const w = x.slice();
  let nwin = 0;
  let lastHigh = 0;
  let lastLow = 0;
  let skew = initialSkew;
  let passing = false;
  while (!passing && nwin < params.winmax) {
    if (skew >= 0) lastHigh = replaceExtreme(w, 'high');
    else lastLow = replaceExtreme(w, 'low');
    nwin = lastHigh + lastLow;
    const check = checkSkewKurt(w, params.skew, params.kurtosis);
    // A check that cannot be made (all points now equal) ends the loop; the caller leaves x untreated.
    passing = check.pass !== false;
    skew = check.skew;
  }
  return { values: w, nwin };
}

/**
 * Sets every point at the extreme to the nearest remaining value; returns how many points moved.
 * One pass finds the extreme, how many points sit there and the next value; a second moves them.
 */
function replaceExtreme(w: Float64Array, end: 'high' | 'low'): number {
  const length = w.length;
  const sign = end === 'high' ? 1 : -1;
  let extreme = -Infinity;
  let next = -Infinity;
  let count = 0;
  for (let i = 0; i < length; i++) {
    const v = (w[i] ?? Number.NaN) * sign;
    if (v !== v) continue;
    if (v > extreme) {
      next = extreme;
      extreme = v;
      count = 1;
    } else if (v === extreme) {
      count++;
    } else if (v > next) {
      next = v;
    }
  }
  const from = extreme * sign;
  const to = next * sign;
  for (let i = 0; i < length; i++) if (w[i] === from) w[i] = to;
  return count;
}

/** COINr's log_CT: log(x - min + 0.01 (max - min)), missing values skipped. */
export function logCT(x: Float64Array): Float64Array {
  const min = minOf(x);
  const max = maxOf(x);
  const shift = 0.01 * (max - min);
  const length = x.length;
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = Math.log((x[i] ?? Number.NaN) - min + shift);
  return out;
}

/**
 * clamp and winsorisedFlags in one pass: a value above the cap comes down (winsorised high), one
 * below the floor comes up (winsorised low).
 */
function clampWithFlags(x: Float64Array, plan: WinsorisePlan): { values: Float64Array; flags: Uint8Array } {
  const length = x.length;
  const values = outputFloat64(length);
  const flags = outputUint8(length);
  const { high, low } = plan;
  for (let i = 0; i < length; i++) {
    const v = x[i] ?? Number.NaN;
    if (v > high) {
      values[i] = high;
      flags[i] = CellFlag.WinsorisedHigh;
    } else if (v < low) {
      values[i] = low;
      flags[i] = CellFlag.WinsorisedLow;
    } else values[i] = v;
  }
  return { values, flags };
}

/** logCT with the LogTransformed flag on every present value, bounds in one pass and values in another. */
function logCTWithFlags(x: Float64Array): { values: Float64Array; flags: Uint8Array } {
  const length = x.length;
  let min = Infinity;
  let max = -Infinity;
  let any = false;
  for (let i = 0; i < length; i++) {
    const v = x[i] ?? Number.NaN;
    if (v === v) {
      any = true;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (!any) {
    min = Number.NaN;
    max = Number.NaN;
  }
  const shift = 0.01 * (max - min);
  const values = outputFloat64(length);
  const flags = outputUint8(length);
  for (let i = 0; i < length; i++) {
    const v = x[i] ?? Number.NaN;
    values[i] = Math.log(v - min + shift);
    if (v === v) flags[i] = CellFlag.LogTransformed;
  }
  return { values, flags };
}

function winsorisedFlags(original: Float64Array, treated: Float64Array): Uint8Array {
  const flags = new Uint8Array(original.length);
  for (let i = 0; i < original.length; i++) {
    const before = original[i] ?? NaN;
    const after = treated[i] ?? NaN;
    if (after < before) flags[i] = CellFlag.WinsorisedHigh;
    else if (after > before) flags[i] = CellFlag.WinsorisedLow;
  }
  return flags;
}

/** Log values must be JSON: NaN statistics become null. */
function nullable(record: Readonly<Record<string, number>>): Readonly<Record<string, number | null>> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, Number.isNaN(v) ? null : v]));
}
