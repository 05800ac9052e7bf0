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
import { MissingCode } from '../missing-reasons.js';
import type { EngineState } from '../state.js';
import type { EngineIndicator } from '../types.js';
import { runTasks, shareWork } from '../parallel/pool.js';
import { sharedCopy, sharedUint8 } from '../parallel/shared.js';
import { computePlainColumn, formulaSource, ownedCopy, reasonCounts } from './compute-column.js';
import { sanitiseVariables } from './sanitise-variables.js';

export function computeStage(state: EngineState): EngineState {
  const { frame } = state;
  const { unitCount, rowCount, periodCount, input } = frame;
  const values = new Map<string, Float64Array>();
  const reasons = new Map<string, Uint8Array>();
  const log: LogEntry[] = [];
  const shared = shareWork(rowCount);
  // Each input column goes onto shared memory at most once (none is copied when already there).
  const toShared = sharedOnce();
  const found = shared ? findBadCells(input, toShared) : undefined;
  const sanitised = input.periods.map((period, p) => {
    const result = sanitiseVariables(period.variables, input.variables, found?.[p]);
    for (const [name, why] of result.bad) {
      const count = why.reduce((n, code) => n + (code === 0 ? 0 : 1), 0);
      log.push(
        logEntry(
          'compute',
          `${count} value(s) of ${name} not finite or outside the declared range: missing`,
          {
            period: period.id,
            data: { variable: name, count },
          },
        ),
      );
    }
    return result;
  });
  // Indicators that no bad input, appliesTo or validRange touches take the plain route, which
  // large frames share among the engine's threads (formulas compiled from their source there).
  const plain = frame.tree.indicators.map((indicator) =>
    sanitised.every(({ bad }) => !needsScope(indicator, state, bad)),
  );
  const present = shared ? sharedUint8(rowCount) : new Uint8Array(rowCount);
  const threadable = frame.tree.indicators.map(
    (indicator, i) => shared && plain[i] === true && formulaSource(indicator.compute) !== undefined,
  );
  const pooled = runTasks(
    'compute',
    frame.tree.indicators.flatMap((indicator, i) => {
      const formula = formulaSource(indicator.compute);
      if (threadable[i] !== true || formula === undefined) return [];
      return [
        {
          source: formula.source,
          periods: sanitised.map(({ columns }) =>
            Object.fromEntries(
              formula.variables.flatMap((name) => {
                const column = columns.get(name);
                return column === undefined ? [] : [[name, toShared(column)] as const];
              }),
            ),
          ),
          unitCount,
          present,
        },
      ];
    }),
  );
  let next = 0;
  frame.tree.indicators.forEach((indicator, i) => {
    const done =
      threadable[i] === true
        ? pooled[next++]
        : plain[i] === true
          ? computePlainColumn(
              indicator.compute,
              sanitised.map(({ columns }) => columns),
              unitCount,
              present,
              shared,
            )
          : undefined;
    if (done !== undefined) {
      done.counts.forEach((counts, p) => {
        if (Object.keys(counts).length === 0) return;
        log.push(
          logEntry('compute', 'missing values', {
            indicator: indicator.id,
            period: input.periods[p]?.id ?? '?',
            data: counts,
          }),
        );
      });
      values.set(indicator.id, done.values);
      reasons.set(indicator.id, done.reasons);
      return;
    }
    // One period: the formula's fresh arrays become the column; several: they are copied in.
    const column = periodCount === 1 ? undefined : new Float64Array(rowCount);
    const columnWhy = periodCount === 1 ? undefined : new Uint8Array(rowCount);
    sanitised.forEach(({ columns, bad }, p) => {
      const result = indicator.compute.evaluateColumns(columns, unitCount);
      const out = column?.subarray(p * unitCount, (p + 1) * unitCount) ?? ownedCopy(result.values, unitCount);
      const why =
        columnWhy?.subarray(p * unitCount, (p + 1) * unitCount) ?? ownedCopy(result.reasons, unitCount);
      if (column !== undefined) {
        out.set(result.values.subarray(0, unitCount));
        why.set(result.reasons.subarray(0, unitCount));
      }
      sealComputed(out, why, unitCount);
      blameInputs(indicator, bad, out, why);
      applyScope(indicator, state, out, why);
      const counts = tallyAndMarkPresent(out, why, present, p * unitCount);
      if (Object.keys(counts).length > 0) {
        log.push(
          logEntry('compute', 'missing values', {
            indicator: indicator.id,
            period: input.periods[p]?.id ?? '?',
            data: counts,
          }),
        );
      }
      if (column === undefined) {
        values.set(indicator.id, out);
        reasons.set(indicator.id, why);
      }
    });
    if (column !== undefined && columnWhy !== undefined) {
      values.set(indicator.id, column);
      reasons.set(indicator.id, columnWhy);
    }
  });
  const rowFlags = state.rowFlags.slice();
  for (let row = 0; row < rowCount; row++)
    if (present[row] === 0) rowFlags[row] = (rowFlags[row] ?? 0) | RowFlag.NoData;
  const raw = { values, reasons };
  return { ...state, sets: { ...state.sets, raw }, current: raw, rowFlags, log: [...state.log, ...log] };
}

/** sharedCopy, remembering each column's copy for the rest of the stage. */
function sharedOnce(): (column: Float64Array) => Float64Array {
  const copies = new Map<Float64Array, Float64Array>();
  return (column) => {
    let copy = copies.get(column);
    if (copy === undefined) {
      copy = sharedCopy(column);
      copies.set(column, copy);
    }
    return copy;
  };
}

/** Every period's bad input cells (sanitiseVariables' search), the variables shared among the threads. */
function findBadCells(
  input: EngineState['frame']['input'],
  toShared: (column: Float64Array) => Float64Array,
): Map<string, Uint8Array | undefined>[] {
  const jobs = input.periods.flatMap((period, p) =>
    [...period.variables].map(([name, column]) => ({ p, name, column })),
  );
  const whys = runTasks(
    'sanitise',
    jobs.map(({ name, column }) => ({ column: toShared(column), spec: input.variables?.get(name) })),
  );
  const found = input.periods.map(() => new Map<string, Uint8Array | undefined>());
  jobs.forEach(({ p, name }, i) => found[p]?.set(name, whys[i] === false ? undefined : whys[i]));
  return found;
}

/** A formula must say why a value is missing: a bare NaN or Infinity counts as not_finite. */
function sealComputed(out: Float64Array, why: Uint8Array, length: number): void {
  for (let i = 0; i < length; i++) {
    const v = out[i] ?? Number.NaN;
    const reason = why[i] ?? 0;
    if (v - v === 0 && reason === MissingCode.Ok) continue;
    out[i] = Number.NaN;
    if (reason === MissingCode.Ok) why[i] = MissingCode.NotFinite;
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
  if ((scope === 'all' || settlement === undefined) && range === undefined) return;
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

/** Counts the reasons of the missing cells and marks the rows that have a value, in one pass. */
function tallyAndMarkPresent(
  out: Float64Array,
  why: Uint8Array,
  present: Uint8Array,
  offset: number,
): Record<string, number> {
  const tally = new Uint32Array(256);
  const length = out.length;
  for (let i = 0; i < length; i++) {
    if (out[i] === out[i]) {
      present[offset + i] = 1;
    } else {
      const code = why[i] ?? 0;
      tally[code] = (tally[code] ?? 0) + 1;
    }
  }
  return reasonCounts(tally);
}

/** Whether a bad input, `appliesTo` or `validRange` can change the indicator's cells. */
function needsScope(
  indicator: EngineIndicator,
  state: EngineState,
  bad: ReadonlyMap<string, Uint8Array>,
): boolean {
  if (indicator.validRange !== undefined) return true;
  if ((indicator.appliesTo ?? 'all') !== 'all' && state.frame.input.units.settlement !== undefined)
    return true;
  return indicator.inputs.some((name) => bad.has(name));
}
