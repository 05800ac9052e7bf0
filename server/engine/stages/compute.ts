/**
 * Stage 1, compute: evaluates every indicator's formula over each period's variables into the `raw`
 * set. A value is missing with a reason when an input is missing, bad (invalid_input, not_finite), the
 * formula divides by zero or leaves its domain, the indicator does not apply to the unit (urban-only
 * indicator for a village: not_applicable) or the value falls outside the indicator's valid range.
 * Rows with no indicator value at all are flagged NoData.
 *
 * @example computeStage(state, choices).sets.raw.values.get('grid_household_coverage')
 */
import { RowFlag } from '../flags.js';
import { logEntry, type LogEntry } from '../log.js';
import { MISSING_REASONS, MissingCode } from '../missing-reasons.js';
import { columnOf, type EngineState } from '../state.js';
import type { EngineIndicator } from '../types.js';
import { sanitiseVariables } from './sanitise-variables.js';

export function computeStage(state: EngineState): EngineState {
  const { frame } = state;
  const { unitCount, rowCount, input } = frame;
  const values = new Map<string, Float64Array>();
  const reasons = new Map<string, Uint8Array>();
  for (const indicator of frame.tree.indicators) {
    values.set(indicator.id, new Float64Array(rowCount));
    reasons.set(indicator.id, new Uint8Array(rowCount));
  }
  const log: LogEntry[] = [];
  input.periods.forEach((period, p) => {
    const { columns, bad } = sanitiseVariables(period.variables, input.variables);
    for (const [name, why] of bad) {
      const count = why.reduce((n, code) => n + (code === 0 ? 0 : 1), 0);
      log.push(
        logEntry(
          'compute',
          `${count} value(s) of variable ${name} are not finite or outside their declared range: treated as missing`,
          {
            period: period.id,
            data: { variable: name, count },
          },
        ),
      );
    }
    for (const indicator of frame.tree.indicators) {
      const out = columnOf(values, indicator.id).subarray(p * unitCount, (p + 1) * unitCount);
      const why = columnOf(reasons, indicator.id).subarray(p * unitCount, (p + 1) * unitCount);
      evaluate(indicator, columns, unitCount, out, why);
      blameInputs(indicator, bad, out, why);
      applyScope(indicator, state, out, why);
      const counts = countReasons(why);
      if (Object.keys(counts).length > 0) {
        log.push(
          logEntry('compute', 'missing values', { indicator: indicator.id, period: period.id, data: counts }),
        );
      }
    }
  });
  const rowFlags = Uint8Array.from(state.rowFlags);
  markRowsWithoutData(values, rowFlags);
  const raw = { values, reasons };
  return { ...state, sets: { ...state.sets, raw }, current: raw, rowFlags, log: [...state.log, ...log] };
}

function evaluate(
  indicator: EngineIndicator,
  columns: ReadonlyMap<string, Float64Array>,
  unitCount: number,
  out: Float64Array,
  why: Uint8Array,
): void {
  const result = indicator.compute.evaluateColumns(columns, unitCount);
  for (let i = 0; i < unitCount; i++) {
    const v = result.values[i] ?? Number.NaN;
    const reason = result.reasons[i] ?? MissingCode.MissingInput;
    if (Number.isFinite(v) && reason === MissingCode.Ok) {
      out[i] = v;
      why[i] = MissingCode.Ok;
    } else {
      out[i] = Number.NaN;
      // A formula must say why a value is missing; a bare NaN or Infinity counts as not_finite.
      why[i] = reason === MissingCode.Ok ? MissingCode.NotFinite : reason;
    }
  }
}

/** A value missing because an input was bad says so, rather than just missing_input. */
function blameInputs(
  indicator: EngineIndicator,
  bad: ReadonlyMap<string, Uint8Array>,
  out: Float64Array,
  why: Uint8Array,
): void {
  const culprits = indicator.inputs.map((name) => bad.get(name)).filter((b) => b !== undefined);
  if (culprits.length === 0) return;
  for (let i = 0; i < out.length; i++) {
    if (out[i] === out[i] || why[i] !== MissingCode.MissingInput) continue;
    for (const b of culprits) {
      if (b[i] !== 0) {
        why[i] = b[i] ?? NaN;
        break;
      }
    }
  }
}

/** Applies `appliesTo` and `validRange`. */
function applyScope(
  indicator: EngineIndicator,
  state: EngineState,
  out: Float64Array,
  why: Uint8Array,
): void {
  const settlement = state.frame.input.units.settlement;
  const scope = indicator.appliesTo ?? 'all';
  const range = indicator.validRange;
  for (let i = 0; i < out.length; i++) {
    if (scope !== 'all' && settlement !== undefined) {
      const kind = settlement[i];
      if (kind !== undefined && kind !== scope) {
        out[i] = Number.NaN;
        why[i] = MissingCode.NotApplicable;
        continue;
      }
    }
    const v = out[i] ?? NaN;
    if (range !== undefined && v === v) {
      if (
        (range.minimum !== undefined && v < range.minimum) ||
        (range.maximum !== undefined && v > range.maximum)
      ) {
        out[i] = Number.NaN;
        why[i] = MissingCode.InvalidInput;
      }
    }
  }
}

function countReasons(why: Uint8Array): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const code of why) {
    if (code === 0) continue;
    const name = MISSING_REASONS[code] ?? 'unknown';
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

function markRowsWithoutData(values: ReadonlyMap<string, Float64Array>, rowFlags: Uint8Array): void {
  const present = new Uint8Array(rowFlags.length);
  for (const column of values.values()) {
    for (let i = 0; i < column.length; i++) if (column[i] === column[i]) present[i] = 1;
  }
  for (let i = 0; i < rowFlags.length; i++)
    if (present[i] === 0) rowFlags[i] = (rowFlags[i] ?? 0) | RowFlag.NoData;
}
