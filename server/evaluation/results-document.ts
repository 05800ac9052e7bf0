/**
 * The stored form of an engine result: plain JSON, columnar (one array per indicator or node,
 * one entry per row = period × unit, period-major as in the engine), missing cells as null with
 * their reason codes kept sparsely. Reports and exports read this; the engine's typed arrays
 * never reach the store.
 *
 * @example doc.scores.index[doc.units.length * periodIndex + unitIndex]
 */
import { TRAFFIC_LIGHTS, TRENDS } from '../engine/diagnostics/codes.js';
import type { DiagnoseSource, Diagnostics } from '../engine/diagnostics/diagnose.js';
import type { EngineResult } from '../engine/result.js';
import type { Rollup } from '../engine/rollup/roll-up.js';
import type { UncertaintyResult } from '../engine/uncertainty/result.js';
import type { Unit } from '../store/models/unit.js';
import type { JsonValue } from '../store/store.js';
import type { EngineFigures } from './engine-figures.js';
import {
  coverageDocument,
  figuresDocument,
  type CoverageDocument,
  type FiguresDocument,
} from './figures-document.js';
import { registerSnapshot, type RegisterUnitDocument } from './register-snapshot.js';
import type { AuditDocument } from './audit-document.js';
import type { ProgressDocument } from './progress-document.js';
import type { ExpectedDocument } from './expected-section.js';
import type { PeersDocument } from './peers-document.js';
import type { TargetsDocument } from './targets-document.js';
import type { SurveysDocument } from './surveys-document.js';

/**
 * Version 2 added the frozen unit register and the diagnostics of every roll-up level. Later sections
 * are optional and do not change the version (a reader finds them or not): the bands and the levels'
 * rank intervals of the Monte Carlo analysis, for instance.
 */
export const RESULTS_FORMAT = 'zhili-results/2';

export type Cell = number | null;

export interface ResultsDocument {
  readonly format: typeof RESULTS_FORMAT;
  // Optional: documents stored before versions existed lack them (they are version 1).
  /** The evaluation's version in its line: 1, 2, 3 … */
  readonly version?: number;
  /** The id of the evaluation this version replaces; null for version 1. */
  readonly supersedes?: string | null;
  readonly periods: readonly string[];
  /** Base unit codes in engine order. */
  readonly units: readonly string[];
  readonly indicators: readonly string[];
  /** Inner nodes and the root, children before parents. */
  readonly nodes: readonly string[];
  readonly root: string;
  /**
   * The unit register as the evaluation used it (codes, names, levels, parents, the attributes the
   * engine read): a published evaluation keeps its names and tree when the register changes later.
   */
  readonly register: readonly RegisterUnitDocument[];
  readonly raw: Readonly<Record<string, readonly Cell[]>>;
  /** Why a raw value is missing: indicator → { row: reason code } for the missing rows only. */
  readonly rawReasons: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly normalised: Readonly<Record<string, readonly Cell[]>>;
  readonly scores: Readonly<Record<string, readonly Cell[]>>;
  /** 1 = best within the period; null = no rank. */
  readonly ranks: Readonly<Record<string, readonly Cell[]>>;
  /** Cell flags (imputed, winsorised, log-transformed …): indicator → { row: bits } where non-zero. */
  readonly flags: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly weights: Readonly<
    Record<string, { readonly children: readonly string[]; readonly weights: readonly number[] }>
  >;
  readonly choices: JsonValue;
  readonly log: JsonValue;
  // Optional: documents stored before diagnostics and roll-up existed lack them.
  readonly diagnostics?: DiagnosticsDocument;
  /** Scores of the units above the scored level (streets, districts, the city), level by level. */
  readonly rollup?: RollupDocument;
  // Optional: documents stored before the engine computed every figure of the pages lack them.
  /** The scored units' level figures (indicator ranks, changes, totals, peer medians, histogram, improvements). */
  readonly figures?: FiguresDocument;
  /** Data completeness and treatment counts per indicator. */
  readonly coverage?: CoverageDocument;
  /** Per node: each child's share of the node's weights (in the order of weights[node].children). */
  readonly weightShares?: Readonly<Record<string, readonly Cell[]>>;
  /** Present when the evaluation ran a Monte Carlo analysis. */
  readonly uncertainty?: UncertaintyDocument;
  /** The statistical audit (issue 13), when the evaluation computed one. */
  readonly audit?: AuditDocument;
  /** Progress since the base period (issue 16), when the evaluation computed it. */
  readonly progress?: ProgressDocument;
  /** The base units' score expected from their structural attributes (issue 16), unless turned off. */
  readonly expected?: ExpectedDocument;
  /** The statistical peer groups (nearest neighbours), when the evaluation chose them. */
  readonly peers?: PeersDocument;
  /** Targets that fit: the framework's overrides and which applied where, when it has any. */
  readonly targets?: TargetsDocument;
  /** Residents' survey estimates per indicator, level, unit and period, when the framework reports surveys. */
  readonly surveys?: SurveysDocument;
}

export interface UncertaintyDocument {
  readonly seed: number;
  readonly design: string;
  readonly runs: number;
  readonly factors: readonly string[];
  readonly top: number;
  /** Per row: the median rank and the 5–95 % interval over the runs, and the share of runs in the top `top`. */
  readonly median: readonly Cell[];
  readonly p5: readonly Cell[];
  readonly p95: readonly Cell[];
  readonly topShare: readonly Cell[];
  // Optional: documents stored before bands and level intervals existed lack them.
  /** Per row: the band of units with overlapping intervals (1, 2 … in rank order per period), null = none. */
  readonly band?: readonly Cell[];
  /** Per row: the nominal ranks of the first and last unit of the unit's band. */
  readonly bandFirst?: readonly Cell[];
  readonly bandLast?: readonly Cell[];
  /** The levels above the units (as in `rollup.levels`), ranked in each run; absent for other roll-ups. */
  readonly levels?: readonly LevelIntervalsDocument[];
  /** First-order and total indices of the mean absolute rank shift to each factor (Saltelli designs). */
  readonly sensitivity: JsonValue;
  /** Every run's parameters, so any single run can be replayed (server/engine/uncertainty/record.ts). */
  readonly records: JsonValue;
}

/** One roll-up level's rank intervals and bands; rows = period × codes, as in the roll-up level. */
export interface LevelIntervalsDocument {
  readonly level: number;
  readonly codes: readonly string[];
  readonly median: readonly Cell[];
  readonly p5: readonly Cell[];
  readonly p95: readonly Cell[];
  readonly band: readonly Cell[];
  readonly bandFirst: readonly Cell[];
  readonly bandLast: readonly Cell[];
}

export interface DiagnosticsDocument {
  readonly peerGroup: string | null;
  /** Per node: share of the other units in the period scoring at or below, 0–100. */
  readonly percentiles: Readonly<Record<string, readonly Cell[]>>;
  readonly parentRanks: Readonly<Record<string, readonly Cell[]>> | null;
  readonly peerRanks: Readonly<Record<string, readonly Cell[]>> | null;
  /** Per indicator: 'green' | 'yellow' | 'orange' | 'red' | 'none' (no value), per row. */
  readonly lights: Readonly<Record<string, readonly string[]>>;
  readonly leafDimensions: readonly string[];
  /** Per row: the weakest dimension's id, or null. */
  readonly weakestDimension: readonly (string | null)[];
  /** Per row: up to three weakest indicators with the peer-group median raw value and the change needed. */
  readonly weakestIndicators: readonly (readonly { indicator: string; median: Cell; change: Cell }[])[];
  /** Per indicator and node: 'on_track' | 'improving' | 'stagnating' | 'decreasing' | 'none', per row. */
  readonly trends: Readonly<Record<string, readonly string[]>>;
}

export interface RollupLevelDocument {
  readonly level: number;
  readonly codes: readonly string[];
  readonly scores: Readonly<Record<string, readonly Cell[]>>;
  readonly ranks: Readonly<Record<string, readonly Cell[]>>;
  // Optional: documents stored before levels were diagnosed lack them.
  /** The level's indicator values (rolled up, or its own data). */
  readonly raw?: Readonly<Record<string, readonly Cell[]>>;
  readonly normalised?: Readonly<Record<string, readonly Cell[]>>;
  readonly diagnostics?: DiagnosticsDocument;
  readonly figures?: FiguresDocument;
}

export interface RollupDocument {
  readonly method: string;
  readonly levels: readonly RollupLevelDocument[];
}

function cells(column: Float64Array): Cell[] {
  return Array.from(column, (v) => (Number.isFinite(v) ? v : null));
}

function sparse(codes: Uint8Array): Record<string, number> {
  const out: Record<string, number> = {};
  codes.forEach((code, row) => {
    if (code !== 0) out[String(row)] = code;
  });
  return out;
}

function mapColumns<T, U>(columns: ReadonlyMap<string, T>, convert: (column: T) => U): Record<string, U> {
  const out: Record<string, U> = {};
  for (const [id, column] of columns) out[id] = convert(column);
  return out;
}

/** JSON round-trip: drops undefined and turns the log's typed values into plain JSON. */
function plain(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value ?? null)) as JsonValue;
}

function rankCells(column: Uint32Array): Cell[] {
  return Array.from(column, (r) => (r === 0 ? null : r));
}

function optionalRanks(columns: ReadonlyMap<string, Uint32Array> | undefined): Record<string, Cell[]> | null {
  return columns === undefined ? null : mapColumns(columns, rankCells);
}

export function diagnosticsDocument(
  result: Pick<DiagnoseSource, 'rowCount' | 'indicatorIds'>,
  d: Diagnostics,
  peerGroup: string | null,
): DiagnosticsDocument {
  const weakestIndicators = Array.from({ length: result.rowCount }, (_, row) => {
    const picks: { indicator: string; median: Cell; change: Cell }[] = [];
    for (let slot = 0; slot < 3; slot++) {
      const at = row * 3 + slot;
      const indicator = result.indicatorIds[d.weakest.indicator[at] ?? -1];
      if (indicator === undefined) continue;
      const median = d.weakest.median[at] ?? Number.NaN;
      const change = d.weakest.change[at] ?? Number.NaN;
      picks.push({
        indicator,
        median: Number.isFinite(median) ? median : null,
        change: Number.isFinite(change) ? change : null,
      });
    }
    return picks;
  });
  return {
    peerGroup,
    percentiles: mapColumns(d.percentiles, cells),
    parentRanks: optionalRanks(d.parentRanks),
    peerRanks: optionalRanks(d.peerRanks),
    lights: mapColumns(d.lights, (codes) => Array.from(codes, (c) => TRAFFIC_LIGHTS[c] ?? 'none')),
    leafDimensions: d.leafDimensions,
    weakestDimension: Array.from(d.weakestDimension, (i) => d.leafDimensions[i] ?? null),
    weakestIndicators,
    trends: mapColumns(d.trends, (codes) => Array.from(codes, (c) => TRENDS[c] ?? 'none')),
  };
}

function rollupDocument(
  result: EngineResult,
  rollup: Rollup,
  figures: EngineFigures,
  peerGroup: string | null,
): RollupDocument {
  return {
    method: rollup.method,
    levels: rollup.levels.map((level, k) => {
      const rowCount = level.codes.length * result.periodIds.length;
      const diagnostics = figures.levelDiagnostics[k];
      const levelFigures = figures.levelFigures[k];
      return {
        level: level.level,
        codes: level.codes,
        scores: mapColumns(level.scores, cells),
        ranks: mapColumns(level.ranks, rankCells),
        ...(level.raw === undefined ? {} : { raw: mapColumns(level.raw, cells) }),
        ...(level.normalised === undefined ? {} : { normalised: mapColumns(level.normalised, cells) }),
        ...(diagnostics === undefined
          ? {}
          : {
              diagnostics: diagnosticsDocument(
                { rowCount, indicatorIds: result.indicatorIds },
                diagnostics,
                peerGroup,
              ),
            }),
        ...(levelFigures === undefined
          ? {}
          : { figures: figuresDocument(levelFigures, result.indicatorIds) }),
      };
    }),
  };
}

const rankCellsOf = (column: Float64Array): Cell[] =>
  Array.from(column, (v) => (Number.isFinite(v) && v > 0 ? v : null));

function levelIntervalsDocument(level: UncertaintyResult['levels'][number]): LevelIntervalsDocument {
  return {
    level: level.level,
    codes: level.codes,
    median: rankCellsOf(level.statistics.median),
    p5: rankCellsOf(level.statistics.p5),
    p95: rankCellsOf(level.statistics.p95),
    band: rankCells(level.bands.band),
    bandFirst: rankCells(level.bands.first),
    bandLast: rankCells(level.bands.last),
  };
}

function uncertaintyDocument(u: UncertaintyResult): UncertaintyDocument {
  return {
    seed: u.seed,
    design: u.design,
    runs: u.runs,
    factors: u.factors,
    top: u.top,
    median: rankCellsOf(u.statistics.median),
    p5: rankCellsOf(u.statistics.p5),
    p95: rankCellsOf(u.statistics.p95),
    topShare: cells(u.statistics.topShare),
    band: rankCells(u.bands.band),
    bandFirst: rankCells(u.bands.first),
    bandLast: rankCells(u.bands.last),
    levels: u.levels.map(levelIntervalsDocument),
    sensitivity: plain(u.sensitivity ?? null),
    records: plain(u.records),
  };
}

export interface ResultsParts {
  readonly result: EngineResult;
  readonly diagnostics: Diagnostics;
  readonly peerGroup: string | null;
  readonly rollup: Rollup;
  readonly figures: EngineFigures;
  /** The units of the register the evaluation read (every level). */
  readonly register: readonly Unit[];
  readonly uncertainty?: UncertaintyResult | undefined;
  readonly audit?: AuditDocument | undefined;
  readonly progress?: ProgressDocument | undefined;
  readonly expected?: ExpectedDocument | undefined;
  /** The statistical peer groups, when the evaluation chose nearest neighbours. */
  readonly peers?: PeersDocument | undefined;
  readonly targets?: TargetsDocument | undefined;
  readonly surveys?: SurveysDocument | undefined;
  readonly version: number;
  readonly supersedes: string | null;
}

export function toResultsDocument({
  result,
  diagnostics,
  peerGroup,
  rollup,
  figures,
  register,
  uncertainty,
  audit,
  progress,
  expected,
  peers,
  targets,
  surveys,
  version,
  supersedes,
}: ResultsParts): ResultsDocument {
  return {
    format: RESULTS_FORMAT,
    version,
    supersedes,
    periods: result.periodIds,
    units: result.unitCodes,
    indicators: result.indicatorIds,
    nodes: result.nodeIds,
    root: result.root,
    register: registerSnapshot(register),
    raw: mapColumns(result.raw.values, cells),
    rawReasons: mapColumns(result.raw.reasons, sparse),
    normalised: mapColumns(result.normalised.values, cells),
    scores: mapColumns(result.scores.values, cells),
    ranks: mapColumns(result.ranks, rankCells),
    flags: mapColumns(result.flags, sparse),
    weights: mapColumns(result.weights, (w) => ({ children: w.children, weights: Array.from(w.weights) })),
    choices: plain(result.choices),
    log: plain([...result.log, ...diagnostics.log, ...rollup.log]),
    diagnostics: diagnosticsDocument(result, diagnostics, peerGroup),
    rollup: rollupDocument(result, rollup, figures, peerGroup),
    figures: figuresDocument(figures.figures, result.indicatorIds),
    coverage: coverageDocument(figures.coverage),
    weightShares: mapColumns(figures.weightShares, cells),
    ...(uncertainty === undefined ? {} : { uncertainty: uncertaintyDocument(uncertainty) }),
    ...(audit === undefined ? {} : { audit }),
    ...(progress === undefined ? {} : { progress }),
    ...(expected === undefined ? {} : { expected }),
    ...(peers === undefined ? {} : { peers }),
    ...(targets === undefined ? {} : { targets }),
    ...(surveys === undefined ? {} : { surveys }),
  };
}
