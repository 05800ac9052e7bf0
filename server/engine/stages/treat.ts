/**
 * Stage, treat: outlier treatment per indicator and period (COINr treats each year of a panel on its
 * own). Every decision — passed, winsorised (how many points), log-transformed, not testable — goes to
 * the log with the skewness and kurtosis behind it; changed cells are flagged. Large frames share the
 * indicators among the engine's threads (parallel/pool.ts), with the same result.
 *
 * @example treatStage(state, choices).log.filter((e) => e.stage === 'treatment')
 */
import type { PreparedChoices } from '../choices.js';
import { logEntry, type LogEntry } from '../log.js';
import { runTasks, shareWork } from '../parallel/pool.js';
import { sharedCopy } from '../parallel/shared.js';
import { columnOf, type EngineState } from '../state.js';
import { treatColumn, type TreatedColumn } from './treat-column.js';

export function treatStage(state: EngineState, choices: PreparedChoices): EngineState {
  const { frame, current } = state;
  const { unitCount, periodCount } = frame;
  const method = choices.treatment;
  const values = new Map(current.values);
  const flags = new Map(state.flags);
  const log: LogEntry[] = [
    logEntry('treatment', `treatment: ${method.name}`, { method: method.name, data: method.params }),
  ];
  const ids = frame.tree.indicatorIds;
  const treated: TreatedColumn[] =
    shareWork(frame.rowCount) && method.name !== 'none'
      ? runTasks(
          'treat',
          ids.map((id) => {
            const previous = state.flags.get(id);
            return {
              column: sharedCopy(columnOf(current.values, id)),
              previousFlags: previous === undefined ? undefined : sharedCopy(previous),
              unitCount,
              periodCount,
              method: choices.resolved.treatment,
            };
          }),
        )
      : ids.map((id) =>
          treatColumn(columnOf(current.values, id), state.flags.get(id), unitCount, periodCount, method.run),
        );
  ids.forEach((id, i) => {
    const outcome = treated[i];
    if (outcome === undefined) return;
    outcome.periods.forEach(({ result, details }, p) => {
      if (result === 'not_tested' && Object.keys(details).length === 0) return;
      log.push(
        logEntry('treatment', result, {
          method: method.name,
          indicator: id,
          period: frame.input.periods[p]?.id ?? '?',
          data: details,
        }),
      );
    });
    if (outcome.values !== undefined) values.set(id, outcome.values);
    if (outcome.flags !== undefined) flags.set(id, outcome.flags);
  });
  const set = { values, reasons: current.reasons };
  return {
    ...state,
    sets: { ...state.sets, treated: set },
    current: set,
    flags,
    log: [...state.log, ...log],
  };
}
