/**
 * Stage, screen: measures each row's data availability and, for rows below the threshold, either
 * drops them (every later stage sees their values as missing with reason screened_out, and they get
 * no score and no rank) or flags them (RowFlag.LowAvailability). Screening is per period: a unit can
 * be kept one year and dropped the next.
 *
 * @example screenStage(state, choices).rowFlags // RowFlag.ScreenedOut on rows below 0.66
 */
import type { PreparedChoices } from '../choices.js';
import { RowFlag } from '../flags.js';
import { logEntry } from '../log.js';
import { MissingCode } from '../missing-reasons.js';
import { engineColumn, rowRanges, runTasks, shareWork } from '../parallel/pool.js';
import { sharedCopy } from '../parallel/shared.js';
import { columnOf, type EngineState } from '../state.js';

export function screenStage(state: EngineState, choices: PreparedChoices): EngineState {
  const { frame, current } = state;
  const ids = frame.tree.indicatorIds;
  const method = choices.screening;
  const values = ids.map((id) => columnOf(current.values, id));
  const reasons = ids.map((id) => columnOf(current.reasons, id));
  const { availability, below } = method.run({
    values,
    reasons,
    rowCount: frame.rowCount,
    availability: shareWork(frame.rowCount) ? sharedAvailability(values, reasons, frame.rowCount) : undefined,
  });
  const rowFlags = state.rowFlags.slice();
  const caught: string[] = [];
  for (let row = 0; row < frame.rowCount; row++) {
    if (below[row] !== 1) continue;
    rowFlags[row] =
      (rowFlags[row] ?? 0) | (method.action === 'drop' ? RowFlag.ScreenedOut : RowFlag.LowAvailability);
    caught.push(rowLabel(state, row));
  }
  const entry = logEntry(
    'screening',
    caught.length === 0
      ? 'every unit meets the availability threshold'
      : `${caught.length} unit-period(s) below the availability threshold: ${method.action === 'drop' ? 'dropped' : 'flagged'}`,
    { method: method.name, data: { ...method.params, units: caught.slice(0, 1000) } },
  );
  const screened = method.action === 'drop' && caught.length > 0 ? dropRows(current, below) : current;
  return {
    ...state,
    sets: { ...state.sets, screened },
    current: screened,
    rowFlags,
    availability,
    log: [...state.log, entry],
  };
}

/** The availability per row, its rows split among the engine's threads. */
function sharedAvailability(
  values: readonly Float64Array[],
  reasons: readonly Uint8Array[],
  rowCount: number,
): Float64Array {
  const share = engineColumn(rowCount);
  const sharedValues = values.map((c) => sharedCopy(c));
  const sharedReasons = reasons.map((c) => sharedCopy(c));
  runTasks(
    'availability',
    rowRanges(rowCount).map(([from, to]) => ({
      values: sharedValues,
      reasons: sharedReasons,
      from,
      to,
      share,
    })),
  );
  return share;
}

function dropRows(current: EngineState['current'], below: Uint8Array): EngineState['current'] {
  const values = new Map<string, Float64Array>();
  const reasons = new Map<string, Uint8Array>();
  for (const [id, column] of current.values) {
    const v = column.slice();
    const why = columnOf(current.reasons, id).slice();
    for (let row = 0; row < v.length; row++) {
      if (below[row] === 1) {
        v[row] = Number.NaN;
        why[row] = MissingCode.ScreenedOut;
      }
    }
    values.set(id, v);
    reasons.set(id, why);
  }
  return { values, reasons };
}

/** "unit@period" for the log. */
export function rowLabel(state: EngineState, row: number): string {
  const { unitCount, input } = state.frame;
  const unit = input.units.codes[row % unitCount] ?? '?';
  const period = input.periods[Math.floor(row / unitCount)]?.id ?? '?';
  return `${unit}@${period}`;
}
