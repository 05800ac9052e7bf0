/**
 * Progress over several periods for every indicator and every node (dimensions and the index), per
 * unit and period: from the unit's value in the base period to its value in each later period, the
 * Open SDG status (progress-status.ts). Indicators use their imputed values (so an interpolated gap
 * counts) and their goalposts' target, to be reached by the target period; nodes have no target, so
 * their scores follow Open SDG's rule for indicators without one. A unit without a value in the base
 * period starts from its first value after it (as Open SDG does with a missing base year); a unit
 * without a value in the period itself has no status there. Rows up to the base have no status.
 * Per period, the engine also counts the units in each status.
 *
 * @example
 * const p = computeProgress(input, result, resolveProgressSettings({ base: '2023' }, result.periodIds));
 * PROGRESS_STATUSES[p.series.get('index')!.status[row]] // e.g. 'moderate_progress'
 */
import { logEntry, type LogEntry } from '../../log.js';
import type { EngineResult } from '../../result.js';
import type { EngineIndicator } from '../../types.js';
import { periodTime, type ProgressSettings } from './progress-settings.js';
import { PROGRESS_STATUSES, progressStatus } from './progress-status.js';

export interface ProgressSeriesResult {
  /** Per row: a ProgressStatus code. */
  readonly status: Uint8Array;
  /** Per row: the ratio of actual to needed growth (with a target) or the annual growth (NaN: none). */
  readonly value: Float64Array;
  /** The target the series was measured against (undefined: none, Open SDG's rule without a target). */
  readonly target: number | undefined;
  /** Per period, PROGRESS_STATUSES.length counts: the units in each status (index = code). */
  readonly counts: Uint32Array;
}

export interface Progress {
  readonly settings: ProgressSettings;
  /** By indicator and node id. */
  readonly series: ReadonlyMap<string, ProgressSeriesResult>;
  readonly log: readonly LogEntry[];
}

export type ProgressSource = Pick<
  EngineResult,
  'periodIds' | 'unitCount' | 'rowCount' | 'indicatorIds' | 'nodeIds' | 'imputed' | 'scores'
>;

export interface ProgressInput {
  readonly tree: { readonly indicators: readonly Pick<EngineIndicator, 'id' | 'direction' | 'goalposts'>[] };
}

function seriesProgress(
  values: Float64Array,
  unitCount: number,
  times: readonly number[],
  settings: ProgressSettings,
  direction: 1 | -1,
  target: number | undefined,
): ProgressSeriesResult {
  const periodCount = times.length;
  const status = new Uint8Array(values.length);
  const value = new Float64Array(values.length).fill(Number.NaN);
  const counts = new Uint32Array(periodCount * PROGRESS_STATUSES.length);
  for (let p = 0; p < periodCount; p++) {
    for (let u = 0; u < unitCount; u++) {
      const row = p * unitCount + u;
      if (p > settings.baseIndex) {
        let from = settings.baseIndex;
        while (from < p && !Number.isFinite(values[from * unitCount + u] ?? Number.NaN)) from++;
        if (from < p) {
          const baseTime = times[from] ?? Number.NaN;
          const outcome = progressStatus({
            base: values[from * unitCount + u] ?? Number.NaN,
            current: values[row] ?? Number.NaN,
            years: (times[p] ?? Number.NaN) - baseTime,
            direction,
            target,
            targetYears: settings.targetTime - baseTime,
          });
          status[row] = outcome.status;
          value[row] = outcome.value;
        }
      }
      const at = p * PROGRESS_STATUSES.length + (status[row] ?? 0);
      counts[at] = (counts[at] ?? 0) + 1;
    }
  }
  return { status, value, target, counts };
}

export function computeProgress(
  input: ProgressInput,
  result: ProgressSource,
  settings: ProgressSettings,
): Progress {
  const times = result.periodIds.map(periodTime);
  const empty = (): Float64Array => new Float64Array(result.rowCount).fill(Number.NaN);
  const series = new Map<string, ProgressSeriesResult>();
  const byId = new Map(input.tree.indicators.map((i) => [i.id, i]));
  for (const id of result.indicatorIds) {
    const indicator = byId.get(id);
    if (indicator === undefined) continue;
    const values = result.imputed.values.get(id) ?? empty();
    const target = indicator.goalposts?.target;
    series.set(id, seriesProgress(values, result.unitCount, times, settings, indicator.direction, target));
  }
  for (const id of result.nodeIds) {
    const values = result.scores.values.get(id) ?? empty();
    series.set(id, seriesProgress(values, result.unitCount, times, settings, 1, undefined));
  }
  const log = [
    logEntry('diagnostics', `progress since ${settings.base} towards ${settings.targetPeriod}`, {
      data: { base: settings.base, targetPeriod: settings.targetPeriod },
    }),
  ];
  return { settings, series, log };
}
