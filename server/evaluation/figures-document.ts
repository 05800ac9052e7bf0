/**
 * The stored form of the engine's level figures (server/engine/diagnostics/level-figures.ts) and of
 * its data coverage (data-coverage.ts): plain JSON, one array per id with one entry per row (period ×
 * the level's units) or per period × peer group, missing values as null. The report pages select
 * and format these; they compute none of them.
 *
 * @example doc.figures.peers.medianScores.index[period * doc.figures.peers.labels.length + group]
 */
import type { DataCoverage } from '../engine/diagnostics/data-coverage.js';
import type { FlagCounts } from '../engine/diagnostics/flag-counts.js';
import type { Coverage } from '../engine/diagnostics/indicator-coverage.js';
import { IMPROVEMENTS_KEPT, type LevelFigures } from '../engine/diagnostics/level-figures.js';
import type { Bin } from '../engine/diagnostics/histogram.js';

export type Cell = number | null;

export interface ImprovementDocument {
  readonly indicator: string;
  /** The normalised value now and at the peer median. */
  readonly from: Cell;
  readonly to: Cell;
  /** The change of the raw value that reaches the peer median. */
  readonly rawChange: Cell;
  readonly scoreGain: Cell;
  readonly newScore: Cell;
  readonly newRank: Cell;
  readonly rankGain: Cell;
}

export interface PeerFiguresDocument {
  readonly labels: readonly string[];
  /** Per unit of the level: its peer group (a position in labels), −1 for none. */
  readonly unitGroup: readonly number[];
  /** Per id, per period × group. */
  readonly medianScores: Readonly<Record<string, readonly Cell[]>>;
  readonly bestScores: Readonly<Record<string, readonly Cell[]>>;
  readonly medianRaw: Readonly<Record<string, readonly Cell[]>>;
  readonly medianNormalised: Readonly<Record<string, readonly Cell[]>>;
}

export interface FiguresDocument {
  /** Per indicator, per row: the rank of the normalised value in the level and period (null: none). */
  readonly indicatorRanks: Readonly<Record<string, readonly Cell[]>>;
  /** Per indicator, per period: how many units of the level have a normalised value. */
  readonly indicatorTotals: Readonly<Record<string, readonly number[]>>;
  /** Per node, per row: the change of the score since the previous period. */
  readonly changes: Readonly<Record<string, readonly Cell[]>>;
  /** Per node, per row: the score minus the peer group's median score. */
  readonly peerGaps: Readonly<Record<string, readonly Cell[]>>;
  /** Per row: how many units with an index score the level, the parent and the peer group hold. */
  readonly levelTotal: readonly number[];
  readonly parentTotal: readonly number[];
  readonly peerTotal: readonly number[];
  readonly peers: PeerFiguresDocument;
  /** Per period: the histogram of index scores; per row: the unit's bin (−1: none). */
  readonly bins: readonly (readonly Bin[])[];
  readonly binOf: readonly number[];
  /** Per row: up to five improvements, the largest rank gain first. */
  readonly improvements: readonly (readonly ImprovementDocument[])[];
}

export interface CoverageDocument {
  /** Per indicator, per period. */
  readonly indicators: Readonly<Record<string, readonly CoverageCell[]>>;
  readonly flags: Readonly<Record<string, FlagCounts>>;
  readonly flagTotal: FlagCounts;
  /** Per period: the share of applicable cells with a value over all indicators. */
  readonly completeness: readonly Cell[];
}

export interface CoverageCell extends Omit<Coverage, 'share'> {
  readonly share: Cell;
}

function cell(value: number | undefined): Cell {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

function cells(column: ArrayLike<number>): Cell[] {
  return Array.from(column, (v) => cell(v));
}

function record<T, U>(columns: ReadonlyMap<string, T>, convert: (column: T) => U): Record<string, U> {
  const out: Record<string, U> = {};
  for (const [id, column] of columns) out[id] = convert(column);
  return out;
}

function rankCells(column: Uint32Array): Cell[] {
  return Array.from(column, (r) => (r === 0 ? null : r));
}

export function figuresDocument(f: LevelFigures, indicatorIds: readonly string[]): FiguresDocument {
  const rows = f.binOf.length;
  const i = f.improvements;
  const improvements = Array.from({ length: rows }, (_, row) => {
    const picks: ImprovementDocument[] = [];
    for (let slot = 0; slot < IMPROVEMENTS_KEPT; slot++) {
      const at = row * IMPROVEMENTS_KEPT + slot;
      const indicator = indicatorIds[i.indicator[at] ?? -1];
      if (indicator === undefined) continue;
      picks.push({
        indicator,
        from: cell(i.from[at]),
        to: cell(i.to[at]),
        rawChange: cell(i.rawChange[at]),
        scoreGain: cell(i.scoreGain[at]),
        newScore: cell(i.newScore[at]),
        newRank: cell(i.newRank[at]),
        rankGain: cell(i.rankGain[at]),
      });
    }
    return picks;
  });
  return {
    indicatorRanks: record(f.indicatorRanks, rankCells),
    indicatorTotals: record(f.indicatorTotals, (totals) => Array.from(totals)),
    changes: record(f.changes, cells),
    peerGaps: record(f.peerGaps, cells),
    levelTotal: Array.from(f.levelTotal),
    parentTotal: Array.from(f.parentTotal),
    peerTotal: Array.from(f.peerTotal),
    peers: {
      labels: f.peers.labels,
      unitGroup: Array.from(f.peers.unitGroup),
      medianScores: record(f.peers.medianScores, cells),
      bestScores: record(f.peers.bestScores, cells),
      medianRaw: record(f.peers.medianRaw, cells),
      medianNormalised: record(f.peers.medianNormalised, cells),
    },
    bins: f.bins.map((bins) => bins.map((b) => ({ from: b.from, to: b.to, count: b.count, share: b.share }))),
    binOf: Array.from(f.binOf),
    improvements,
  };
}

export function coverageDocument(c: DataCoverage): CoverageDocument {
  return {
    indicators: record(c.coverage, (periods) =>
      periods.map((p) => ({ ...p, reasons: { ...p.reasons }, share: cell(p.share) })),
    ),
    flags: record(c.flags, (counts) => ({ ...counts })),
    flagTotal: { ...c.flagTotal },
    completeness: cells(c.completeness),
  };
}
