/**
 * Stage, impute: fills missing values with the chosen method, indicator by indicator and period by
 * period (so last_period can carry the previous period forward). Filled cells are flagged Imputed;
 * columns without a gap are shared, not copied.
 *
 * @example imputeStage(state, choices).sets.imputed
 */
import type { PreparedChoices } from '../choices.js';
import { logEntry, type LogEntry } from '../log.js';
import { isImputable, type UnitGroups } from '../methods/imputation/contract.js';
import { columnOf, periodRows, type EngineState } from '../state.js';

export function imputeStage(state: EngineState, choices: PreparedChoices): EngineState {
  const { frame, current } = state;
  const { unitCount, periodCount } = frame;
  const method = choices.imputation;
  const groupCache = new Map<string, UnitGroups>();
  const groups = (attribute: string): UnitGroups => {
    let found = groupCache.get(attribute);
    if (found === undefined) {
      found = unitGroups(state, attribute);
      groupCache.set(attribute, found);
    }
    return found;
  };
  const values = new Map(current.values);
  const reasons = new Map(current.reasons);
  const flags = new Map(state.flags);
  const log: LogEntry[] = [
    logEntry('imputation', `imputation: ${method.name}`, { method: method.name, data: method.params }),
  ];
  if (method.name !== 'none') {
    for (const id of frame.tree.indicatorIds) {
      const column = columnOf(current.values, id);
      const why = columnOf(current.reasons, id);
      if (!hasGap(column, why)) continue;
      const filled = column.slice();
      const filledWhy = why.slice();
      const cellFlags = (state.flags.get(id) ?? new Uint8Array(frame.rowCount)).slice();
      const columns = Array.from({ length: periodCount }, (_, p) => periodRows(filled, p, unitCount));
      for (let p = 0; p < periodCount; p++) {
        const outcome = method.run({
          values: periodRows(filled, p, unitCount),
          reasons: periodRows(filledWhy, p, unitCount),
          flags: periodRows(cellFlags, p, unitCount),
          previous: p === 0 ? undefined : filled.subarray((p - 1) * unitCount, p * unitCount),
          groups,
          periods: { index: p, columns },
        });
        if (outcome.filled + outcome.unfilled > 0) {
          log.push(
            logEntry('imputation', `${outcome.filled} value(s) imputed, ${outcome.unfilled} left missing`, {
              method: method.name,
              indicator: id,
              period: frame.input.periods[p]?.id ?? '?',
              data: { ...outcome },
            }),
          );
        }
      }
      values.set(id, filled);
      reasons.set(id, filledWhy);
      flags.set(id, cellFlags);
    }
  }
  const imputed = { values, reasons };
  return { ...state, sets: { ...state.sets, imputed }, current: imputed, flags, log: [...state.log, ...log] };
}

function hasGap(column: Float64Array, why: Uint8Array): boolean {
  for (let i = 0; i < column.length; i++)
    if (column[i] !== column[i] && isImputable(why[i] ?? 0)) return true;
  return false;
}

/** Group numbers per unit for an attribute, or for "parent" the parent unit. */
function unitGroups(state: EngineState, attribute: string): UnitGroups {
  const units = state.frame.input.units;
  const labels = attribute === 'parent' ? units.parents : units.attributes?.get(attribute);
  const numbers = new Map<string, number>();
  const index = new Int32Array(units.codes.length).fill(-1);
  labels?.forEach((label, unit) => {
    if (label === undefined || label === '') return;
    let g = numbers.get(label);
    if (g === undefined) {
      g = numbers.size;
      numbers.set(label, g);
    }
    index[unit] = g;
  });
  return { index, count: numbers.size };
}
