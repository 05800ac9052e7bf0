/**
 * One indicator's outlier treatment, period by period: what treatStage does for each indicator, in a
 * function the engine's helper threads run too (parallel/tasks.ts), so both give the same numbers.
 *
 * @example treatColumn(column, previousFlags, unitCount, periodCount, choices.treatment.run)
 */
import type { TreatmentResult, TreatmentRun } from '../methods/treatment/contract.js';
import type { LogValue } from '../log.js';
import { periodRows } from '../state.js';

export interface PeriodTreatment {
  readonly result: TreatmentResult;
  readonly details: Readonly<Record<string, LogValue>>;
}

export interface TreatedColumn {
  /** The treated column; undefined when no period changed. */
  readonly values: Float64Array | undefined;
  /** The cell flags with the treatment's added; undefined when no period flagged a cell. */
  readonly flags: Uint8Array | undefined;
  /** Per period. */
  readonly periods: readonly PeriodTreatment[];
}

export function treatColumn(
  column: Float64Array,
  previousFlags: Uint8Array | undefined,
  unitCount: number,
  periodCount: number,
  run: TreatmentRun,
): TreatedColumn {
  let treated: Float64Array | undefined;
  let cellFlags: Uint8Array | undefined;
  const periods: PeriodTreatment[] = [];
  for (let p = 0; p < periodCount; p++) {
    const slice = periodRows(column, p, unitCount);
    const outcome = run(slice);
    periods.push({ result: outcome.result, details: outcome.details });
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
    if (whole && previousFlags === undefined && outcome.flags.length === column.length) {
      cellFlags = outcome.flags;
      continue;
    }
    cellFlags ??= (previousFlags ?? new Uint8Array(column.length)).slice();
    const target = periodRows(cellFlags, p, unitCount);
    for (let i = 0; i < unitCount; i++) target[i] = (target[i] ?? NaN) | (outcome.flags[i] ?? 0);
  }
  return { values: treated, flags: cellFlags, periods };
}
