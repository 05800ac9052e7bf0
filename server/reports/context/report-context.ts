/**
 * Everything the report pages of one evaluation read, built once and then shared by every request:
 * the evaluation record, its checked results, the frozen framework, the report units, the rank
 * intervals (when the results hold a Monte Carlo analysis) and, lazily, each period's columns and
 * whatever derived figures the view models memoise (sorted rankings, peer-group medians …).
 * Immutable once built; the cache (report-cache.ts) replaces it when the evaluation's results change.
 * Names, levels, parents and attributes come from the unit register frozen in the results, never
 * from the live register, so a published evaluation reads the same after units are renamed or moved.
 */
import type { RegisterUnitDocument } from '../../evaluation/register-snapshot.js';
import type { Evaluation } from '../../domain/evaluation.js';
import {
  readFrameworkSnapshot,
  type FrameworkSnapshotView,
  type SnapshotIndicator,
} from './framework-snapshot.js';
import { methodOf } from './method-of.js';
import { periodColumns, type PeriodColumns } from './period-columns.js';
import type { CompactResults, CompactRollupLevel, RankIntervals } from './compact-results.js';
import { contextSections, type ContextSections } from './context-sections.js';
import { reportUnits, type ReportUnits } from './report-units.js';

/** Where the engine keeps a report unit's figures: its level and its position among the level's codes. */
export interface LevelPlace {
  readonly level: CompactRollupLevel;
  readonly index: number;
  /** The level's row of this unit in a period (rows are period × the level's codes). */
  row(period: number): number;
}

/** The sections read from the results (context-sections.ts), and what is derived from them. */
export interface ReportContext extends ContextSections {
  /** Names the evaluation results the context was built from (for validators). */
  readonly version: string;
  readonly evaluation: Evaluation;
  readonly snapshot: FrameworkSnapshotView;
  readonly units: ReportUnits;
  /** The unit register frozen with the evaluation (names, parents, attributes by code). */
  readonly register: ReadonlyMap<string, RegisterUnitDocument>;
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
  /** The engine level holding a report unit (by report index); null when the results have none. */
  place(unit: number): LevelPlace | null;
  /** Computes a derived value once per context. */
  memo<T>(key: string, build: () => T): T;
}

export function buildReportContext(
  evaluation: Evaluation,
  stored: unknown,
  version = evaluation.results?.sha256.slice(0, 16) ?? 'none',
): ReportContext {
  return assembleReportContext(
    evaluation,
    contextSections(stored, `evaluation ${evaluation.id} results`),
    version,
  );
}

/** The context over sections read from stored results, or from a kept snapshot of them. */
export function assembleReportContext(
  evaluation: Evaluation,
  sections: ContextSections,
  version: string,
): ReportContext {
  const { results } = sections;
  const snapshot = readFrameworkSnapshot(
    evaluation.framework.definition,
    `evaluation ${evaluation.id} framework`,
  );
  const register = new Map(results.register.map((unit) => [unit.code, unit]));
  const units = reportUnits(results.units, register, enginePeerGroups(results));
  const parentOf = new Map<string, string>();
  for (const [node, spec] of Object.entries(results.weights))
    for (const child of spec.children) parentOf.set(child, node);
  const places = placesOf(results, units);
  const periods = new Map<number, PeriodColumns>();
  const memos = new Map<string, unknown>();
  return {
    ...sections,
    version,
    evaluation,
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
        columns = periodColumns(results, places, index);
        periods.set(index, columns);
      }
      return columns;
    },
    place(unit) {
      return places[unit] ?? null;
    },
    memo<T>(key: string, build: () => T): T {
      if (memos.has(key)) return memos.get(key) as T;
      const value = build();
      memos.set(key, value);
      return value;
    },
  };
}

/** A unit's place; `row` is a method, not a closure per unit (a context holds one per report unit). */
class Place implements LevelPlace {
  constructor(
    readonly level: CompactRollupLevel,
    readonly index: number,
  ) {}

  row(period: number): number {
    return period * this.level.codes.length + this.index;
  }
}

/**
 * Each report unit's engine level and position (null for a unit no level holds). The report units
 * start with the base units in the results' order, which are the first level's codes; the units
 * above are found by code in the roll-up's levels (the first level holding a code wins).
 */
function placesOf(results: CompactResults, units: ReportUnits): (LevelPlace | null)[] {
  const [base, ...above] = results.levels;
  const found = new Map<string, LevelPlace>();
  for (const level of above) {
    level.codes.forEach((code, index) => {
      if (!found.has(code)) found.set(code, new Place(level, index));
    });
  }
  return units.codes.map((code, unit) =>
    base !== undefined && unit < units.baseCount && base.codes[unit] === code
      ? new Place(base, unit)
      : (found.get(code) ?? null),
  );
}

/** The peer group the engine put each unit of every level in, by code. */
function enginePeerGroups(results: CompactResults): Map<string, string> {
  const groups = new Map<string, string>();
  for (const level of results.levels) {
    const peers = level.figures?.peers;
    if (peers === undefined) continue;
    level.codes.forEach((code, i) => {
      const label = peers.labels[peers.unitGroup[i] ?? -1];
      if (label !== undefined) groups.set(code, label);
    });
  }
  return groups;
}
