/**
 * The stored form of an evaluation's progress over several periods (the results' optional `progress`
 * section): the base and target periods, per indicator and node the Open SDG status code of every row
 * (period × unit, names in `statuses`) with its growth ratio or growth rate and the target used, the
 * engine's counts of units per status and period, and per level (the scored units first, then the
 * roll-up's levels in order) the "worse than peers and worsening" flag of every row.
 *
 * @example doc.progress.status.index[periodIndex * doc.units.length + unit] // 2 = 'on_track'
 */
import type { Progress } from '../engine/context/progress/progress.js';
import { PROGRESS_STATUSES } from '../engine/context/progress/progress-status.js';
import { worseAndWorsening } from '../engine/context/progress/worse-and-worsening.js';
import type { LevelFigures } from '../engine/diagnostics/level-figures.js';
import type { EngineFigures } from './engine-figures.js';

type Cell = number | null;

export interface ProgressDocument {
  readonly base: string;
  readonly targetPeriod: string;
  /** The names of the status codes, in code order. */
  readonly statuses: readonly string[];
  readonly status: Readonly<Record<string, readonly number[]>>;
  readonly value: Readonly<Record<string, readonly Cell[]>>;
  /** The target each series was measured against; null = none (Open SDG's rule without a target). */
  readonly targets: Readonly<Record<string, Cell>>;
  /** Per period, statuses.length counts of units. */
  readonly counts: Readonly<Record<string, readonly number[]>>;
  /** 1 = worse than peers and worsening; per level (scored units, then each roll-up level), per row. */
  readonly worseAndWorsening: readonly (readonly number[])[];
}

function flagsOf(figures: LevelFigures, root: string): number[] {
  const gaps = figures.peerGaps.get(root);
  const changes = figures.changes.get(root);
  if (gaps === undefined || changes === undefined) return [];
  return Array.from(worseAndWorsening(gaps, changes));
}

export function progressDocument(progress: Progress, figures: EngineFigures, root: string): ProgressDocument {
  const status: Record<string, number[]> = {};
  const value: Record<string, Cell[]> = {};
  const targets: Record<string, Cell> = {};
  const counts: Record<string, number[]> = {};
  for (const [id, series] of progress.series) {
    status[id] = Array.from(series.status);
    value[id] = Array.from(series.value, (v) => (Number.isFinite(v) ? v : null));
    targets[id] = series.target ?? null;
    counts[id] = Array.from(series.counts);
  }
  return {
    base: progress.settings.base,
    targetPeriod: progress.settings.targetPeriod,
    statuses: PROGRESS_STATUSES,
    status,
    value,
    targets,
    counts,
    worseAndWorsening: [figures.figures, ...figures.levelFigures].map((level) => flagsOf(level, root)),
  };
}
