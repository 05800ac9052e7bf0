/**
 * Stage, treat: outlier treatment per indicator and period (COINr treats each year of a panel on its
 * own). Every decision — passed, winsorised (how many points), log-transformed, not testable — goes to
 * the log with the skewness and kurtosis behind it; changed cells are flagged.
 *
 * @example treatStage(state, choices).log.filter((e) => e.stage === 'treatment')
 */
import type { PreparedChoices } from '../choices.js';
import { logEntry, type LogEntry } from '../log.js';
import { columnOf, periodRows, type EngineState } from '../state.js';

export function treatStage(state: EngineState, choices: PreparedChoices): EngineState {
  const { frame, current } = state;
  const { unitCount, periodCount } = frame;
  const method = choices.treatment;
  const values = new Map(current.values);
  const flags = new Map(state.flags);
  const log: LogEntry[] = [
    logEntry('treatment', `treatment: ${method.name}`, { method: method.name, data: method.params }),
  ];
  for (const id of frame.tree.indicatorIds) {
    const column = columnOf(current.values, id);
    let treated: Float64Array | undefined;
    let cellFlags: Uint8Array | undefined;
    for (let p = 0; p < periodCount; p++) {
      const slice = periodRows(column, p, unitCount);
      const outcome = method.run(slice);
      if (outcome.result !== 'not_tested' || Object.keys(outcome.details).length > 0) {
        log.push(
          logEntry('treatment', outcome.result, {
            method: method.name,
            indicator: id,
            period: frame.input.periods[p]?.id ?? '?',
            data: outcome.details,
          }),
        );
      }
      // One period: the method's fresh arrays become the column and its flags (no copy, no merge).
      const whole = periodCount === 1 && outcome.values.length === column.length;
      if (outcome.values !== slice) {
        if (whole) treated = outcome.values;
        else {
          treated ??= column.slice();
          treated.set(outcome.values, p * unitCount);
        }
      }
      if (outcome.flags === undefined) continue;
      const previous = state.flags.get(id);
      if (whole && previous === undefined && outcome.flags.length === column.length) {
        cellFlags = outcome.flags;
        continue;
      }
      cellFlags ??= (previous ?? new Uint8Array(frame.rowCount)).slice();
      const target = periodRows(cellFlags, p, unitCount);
      for (let i = 0; i < unitCount; i++) target[i] = (target[i] ?? NaN) | (outcome.flags[i] ?? 0);
    }
    if (treated !== undefined) values.set(id, treated);
    if (cellFlags !== undefined) flags.set(id, cellFlags);
  }
  const set = { values, reasons: current.reasons };
  return {
    ...state,
    sets: { ...state.sets, treated: set },
    current: set,
    flags,
    log: [...state.log, ...log],
  };
}
