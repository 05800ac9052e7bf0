/**
 * Everything the report pages of one evaluation read, built once and then shared by every request:
 * the evaluation record, its checked results, the frozen framework, the report units, the rank
 * intervals (when the results hold a Monte Carlo analysis) and, lazily, each period's columns and
 * whatever derived figures the view models memoise (sorted rankings, peer-group medians …).
 * Immutable once built; the cache (report-cache.ts) replaces it when the evaluation or the unit
 * register changes.
 */
import type { Evaluation } from '../../domain/evaluation.js';
import type { StoredUnit } from '../../domain/unit.js';
import {
  readFrameworkSnapshot,
  type FrameworkSnapshotView,
  type SnapshotIndicator,
} from './framework-snapshot.js';
import { methodOf } from './method-of.js';
import { periodColumns, type PeriodColumns } from './period-columns.js';
import { compactResults, type CompactResults, type RankIntervals } from './compact-results.js';
import { readResults } from './read-results.js';
import { reportUnits, type ReportUnits } from './report-units.js';

export interface ReportContext {
  /** Names the evaluation results and unit register the context was built from (for validators). */
  readonly version: string;
  readonly evaluation: Evaluation;
  readonly results: CompactResults;
  readonly snapshot: FrameworkSnapshotView;
  readonly units: ReportUnits;
  /** The unit register the context was built with (names, parents, attributes by code). */
  readonly register: ReadonlyMap<string, StoredUnit>;
  readonly intervals: RankIntervals | null;
  /** The root's children: the dimensions of radar charts and of the weakest-link diagnosis. */
  readonly dimensions: readonly string[];
  /** The node an indicator or node belongs to. */
  readonly parentOf: ReadonlyMap<string, string>;
  readonly indicatorDefinitions: ReadonlyMap<string, SnapshotIndicator>;
  /** The evaluation's aggregation method (from the results' resolved choices). */
  readonly aggregation: string;
  /** Index of the last period: the one pages show unless asked otherwise. */
  readonly latest: number;
  period(index: number): PeriodColumns;
  /** Computes a derived value once per context. */
  memo<T>(key: string, build: () => T): T;
}

export function buildReportContext(
  evaluation: Evaluation,
  stored: unknown,
  register: ReadonlyMap<string, StoredUnit>,
  version = evaluation.results?.sha256.slice(0, 16) ?? 'none',
): ReportContext {
  const results = compactResults(readResults(stored, `evaluation ${evaluation.id} results`));
  const snapshot = readFrameworkSnapshot(
    evaluation.framework.definition,
    `evaluation ${evaluation.id} framework`,
  );
  const units = reportUnits(results.units, register);
  const parentOf = new Map<string, string>();
  for (const [node, spec] of Object.entries(results.weights))
    for (const child of spec.children) parentOf.set(child, node);
  const periods = new Map<number, PeriodColumns>();
  const memos = new Map<string, unknown>();
  return {
    version,
    evaluation,
    results,
    snapshot,
    units,
    register,
    intervals: results.intervals,
    dimensions: results.weights[results.root]?.children ?? [],
    parentOf,
    indicatorDefinitions: new Map(snapshot.indicators.map((i) => [i.id, i])),
    aggregation: methodOf(results.choices, 'aggregation') ?? 'arithmetic',
    latest: Math.max(0, results.periods.length - 1),
    period(index) {
      let columns = periods.get(index);
      if (columns === undefined) {
        columns = periodColumns(results, units, index);
        periods.set(index, columns);
      }
      return columns;
    },
    memo<T>(key: string, build: () => T): T {
      if (memos.has(key)) return memos.get(key) as T;
      const value = build();
      memos.set(key, value);
      return value;
    },
  };
}
