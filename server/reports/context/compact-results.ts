/**
 * An evaluation's results as the reports keep them in memory: every column a typed array (NaN for a
 * missing value, reason and flag codes as bytes, lights and trends as small codes) instead of the
 * JSON arrays of the stored document. A 10,000-unit evaluation then holds tens of megabytes of
 * typed arrays rather than millions of boxed numbers, which the garbage collector would otherwise
 * walk again and again while the server answers requests.
 *
 * @example compactResults(readResults(stored)).scores.get('index')![row] // NaN when missing
 */
import type { PeersDocument } from '../../evaluation/peers-document.js';
import type { CoverageDocument, FiguresDocument } from '../../evaluation/figures-document.js';
import type { Bin } from '../../engine/diagnostics/histogram.js';
import type { RegisterUnitDocument } from '../../evaluation/register-snapshot.js';
import type { Cell, LevelIntervalsDocument, ResultsDocument } from '../../evaluation/results-document.js';
import { compactImprovements, type CompactImprovements } from './compact-improvements.js';
import type { JsonValue } from '../../domain/json-value.js';

export const LIGHT_CODES = ['none', 'green', 'yellow', 'orange', 'red'] as const;
export const TREND_CODES = ['none', 'on_track', 'improving', 'stagnating', 'decreasing'] as const;

export type Columns = ReadonlyMap<string, Float64Array>;

export interface RankIntervals {
  readonly runs: number;
  readonly median: Float64Array;
  readonly p5: Float64Array;
  readonly p95: Float64Array;
  /** The engine's bands of overlapping intervals (NaN = in no band); null in results stored without them. */
  readonly bands: RankBandColumns | null;
}

export interface RankBandColumns {
  /** 1, 2 … in rank order within the period. */
  readonly band: Float64Array;
  /** The nominal ranks of the band's first and last unit. */
  readonly first: Float64Array;
  readonly last: Float64Array;
}

export interface CompactDiagnostics {
  readonly percentiles: Columns;
  readonly parentRanks: Columns | null;
  readonly peerRanks: Columns | null;
  /** Per indicator and row, a position in LIGHT_CODES. */
  readonly lights: ReadonlyMap<string, Uint8Array>;
  /** Per indicator (and node) and row, a position in TREND_CODES. */
  readonly trends: ReadonlyMap<string, Uint8Array>;
  readonly leafDimensions: readonly string[];
  /** Per row, a position in leafDimensions; −1 for none. */
  readonly weakestDimension: Int32Array;
  /** Per row, three slots: a position in `indicators` (−1 for none), the peer median, the change needed. */
  readonly weakestIndicator: Int32Array;
  readonly weakestMedian: Float64Array;
  readonly weakestChange: Float64Array;
}

export interface CompactPeers {
  readonly labels: readonly string[];
  /** Per unit of the level: its peer group (a position in labels), −1 for none. */
  readonly unitGroup: Int32Array;
  /** Per id, per period × group. */
  readonly medianScores: Columns;
  readonly bestScores: Columns;
  readonly medianRaw: Columns;
  readonly medianNormalised: Columns;
}

/** The engine's level figures (server/engine/diagnostics/level-figures.ts), rows as in the level. */
export interface CompactFigures {
  readonly indicatorRanks: Columns;
  /** Per indicator, per period. */
  readonly indicatorTotals: Columns;
  readonly changes: Columns;
  readonly peerGaps: Columns;
  readonly levelTotal: Float64Array;
  readonly parentTotal: Float64Array;
  readonly peerTotal: Float64Array;
  readonly peers: CompactPeers;
  readonly bins: readonly (readonly Bin[])[];
  readonly binOf: Int32Array;
  readonly improvements: CompactImprovements;
}

export interface CompactRollupLevel {
  readonly codes: readonly string[];
  readonly scores: Columns;
  readonly ranks: Columns;
  readonly raw: Columns;
  readonly normalised: Columns;
  readonly diagnostics: CompactDiagnostics | null;
  readonly figures: CompactFigures | null;
  /** The Monte Carlo rank intervals of the level (rows as the level's), null when the results hold none. */
  readonly intervals: RankIntervals | null;
}

export interface CompactResults {
  readonly periods: readonly string[];
  readonly units: readonly string[];
  readonly indicators: readonly string[];
  readonly nodes: readonly string[];
  readonly root: string;
  /** The unit register frozen with the evaluation. */
  readonly register: readonly RegisterUnitDocument[];
  readonly raw: Columns;
  readonly normalised: Columns;
  readonly scores: Columns;
  readonly ranks: Columns;
  /** Per indicator and row, the missing-reason code (0 = a value is present). */
  readonly rawReasons: ReadonlyMap<string, Uint8Array>;
  /** Per indicator and row, the cell flag bits. */
  readonly flags: ReadonlyMap<string, Uint8Array>;
  readonly weights: ResultsDocument['weights'];
  readonly choices: JsonValue;
  readonly log: JsonValue;
  readonly diagnostics: CompactDiagnostics | null;
  readonly rollup: { readonly method: string; readonly levels: readonly CompactRollupLevel[] } | null;
  /** The scored units' level figures. */
  readonly figures: CompactFigures | null;
  readonly coverage: CoverageDocument | null;
  /** Per node: each child's share of the node's weights (NaN when not stored). */
  readonly weightShares: Columns;
  /**
   * Every level the engine reports on, as one shape: the scored units first (their columns,
   * diagnostics and figures), then the roll-up's levels.
   */
  readonly levels: readonly CompactRollupLevel[];
  /** The Monte Carlo rank intervals, when the evaluation ran the analysis (and its rows match). */
  readonly intervals: RankIntervals | null;
  /** The statistical peer groups (nearest neighbours), when the evaluation chose them. */
  readonly peers: PeersDocument | null;
}

export function floats(cells: readonly Cell[] | undefined, length = cells?.length ?? 0): Float64Array {
  const out = new Float64Array(length).fill(Number.NaN);
  if (cells !== undefined) for (let i = 0; i < length; i++) out[i] = cells[i] ?? Number.NaN;
  return out;
}

function columns(
  source: Readonly<Record<string, readonly Cell[]>>,
  rows?: number,
): Map<string, Float64Array> {
  return new Map(Object.entries(source).map(([id, cells]) => [id, floats(cells, rows ?? cells.length)]));
}

function sparseBytes(
  source: Readonly<Record<string, Readonly<Record<string, number>>>>,
  rows: number,
): Map<string, Uint8Array> {
  return new Map(
    Object.entries(source).map(([id, sparse]) => {
      const bytes = new Uint8Array(rows);
      for (const [row, code] of Object.entries(sparse)) {
        const at = Number(row);
        if (at >= 0 && at < rows) bytes[at] = code;
      }
      return [id, bytes];
    }),
  );
}

function codes(
  source: Readonly<Record<string, readonly string[]>>,
  names: readonly string[],
): Map<string, Uint8Array> {
  const index = new Map(names.map((name, i) => [name, i]));
  return new Map(
    Object.entries(source).map(([id, texts]) => [id, Uint8Array.from(texts, (t) => index.get(t) ?? 0)]),
  );
}

function compactDiagnostics(
  d: NonNullable<ResultsDocument['diagnostics']>,
  indicators: readonly string[],
): CompactDiagnostics {
  const rows = d.weakestDimension.length;
  const leaf = new Map(d.leafDimensions.map((id, i) => [id, i]));
  const indicatorIndex = new Map(indicators.map((id, i) => [id, i]));
  const weakestIndicator = new Int32Array(rows * 3).fill(-1);
  const weakestMedian = new Float64Array(rows * 3).fill(Number.NaN);
  const weakestChange = new Float64Array(rows * 3).fill(Number.NaN);
  d.weakestIndicators.forEach((picks, row) => {
    picks.slice(0, 3).forEach((pick, slot) => {
      weakestIndicator[row * 3 + slot] = indicatorIndex.get(pick.indicator) ?? -1;
      weakestMedian[row * 3 + slot] = pick.median ?? Number.NaN;
      weakestChange[row * 3 + slot] = pick.change ?? Number.NaN;
    });
  });
  return {
    percentiles: columns(d.percentiles),
    parentRanks: d.parentRanks === null ? null : columns(d.parentRanks),
    peerRanks: d.peerRanks === null ? null : columns(d.peerRanks),
    lights: codes(d.lights, LIGHT_CODES),
    trends: codes(d.trends, TREND_CODES),
    leafDimensions: d.leafDimensions,
    weakestDimension: Int32Array.from(d.weakestDimension, (id) => (id === null ? -1 : (leaf.get(id) ?? -1))),
    weakestIndicator,
    weakestMedian,
    weakestChange,
  };
}

function compactFigures(f: FiguresDocument): CompactFigures {
  return {
    indicatorRanks: columns(f.indicatorRanks),
    indicatorTotals: columns(f.indicatorTotals),
    changes: columns(f.changes),
    peerGaps: columns(f.peerGaps),
    levelTotal: Float64Array.from(f.levelTotal),
    parentTotal: Float64Array.from(f.parentTotal),
    peerTotal: Float64Array.from(f.peerTotal),
    peers: {
      labels: f.peers.labels,
      unitGroup: Int32Array.from(f.peers.unitGroup),
      medianScores: columns(f.peers.medianScores),
      bestScores: columns(f.peers.bestScores),
      medianRaw: columns(f.peers.medianRaw),
      medianNormalised: columns(f.peers.medianNormalised),
    },
    bins: f.bins,
    binOf: Int32Array.from(f.binOf),
    improvements: compactImprovements(f.improvements),
  };
}

type IntervalCells = Pick<LevelIntervalsDocument, 'median' | 'p5' | 'p95'> &
  Partial<Pick<LevelIntervalsDocument, 'band' | 'bandFirst' | 'bandLast'>>;

function intervalColumns(runs: number, cells: IntervalCells, rows: number): RankIntervals | null {
  const { median, p5, p95, band, bandFirst, bandLast } = cells;
  if (median.length !== rows || p5.length !== rows || p95.length !== rows) return null;
  const banded =
    band?.length === rows && bandFirst?.length === rows && bandLast?.length === rows
      ? { band: floats(band), first: floats(bandFirst), last: floats(bandLast) }
      : null;
  return { runs, median: floats(median), p5: floats(p5), p95: floats(p95), bands: banded };
}

function intervalsOf(doc: ResultsDocument, rows: number): RankIntervals | null {
  const u = doc.uncertainty;
  return u === undefined ? null : intervalColumns(u.runs, u, rows);
}

/** A roll-up level's intervals, when the analysis ranked that level (same codes, same rows). */
function levelIntervalsOf(
  doc: ResultsDocument,
  level: { readonly level: number; readonly codes: readonly string[] },
): RankIntervals | null {
  const u = doc.uncertainty;
  const found = u?.levels?.find((l) => l.level === level.level);
  if (u === undefined || found === undefined) return null;
  const sameCodes =
    found.codes.length === level.codes.length && found.codes.every((code, i) => code === level.codes[i]);
  return sameCodes ? intervalColumns(u.runs, found, level.codes.length * doc.periods.length) : null;
}

export function compactResults(doc: ResultsDocument): CompactResults {
  const rows = doc.periods.length * doc.units.length;
  const diagnostics =
    doc.diagnostics === undefined ? null : compactDiagnostics(doc.diagnostics, doc.indicators);
  const figures = doc.figures === undefined ? null : compactFigures(doc.figures);
  const raw = columns(doc.raw, rows);
  const normalised = columns(doc.normalised, rows);
  const scores = columns(doc.scores, rows);
  const ranks = columns(doc.ranks, rows);
  const rollup =
    doc.rollup === undefined
      ? null
      : {
          method: doc.rollup.method,
          levels: doc.rollup.levels.map((level): CompactRollupLevel => ({
            codes: level.codes,
            scores: columns(level.scores),
            ranks: columns(level.ranks),
            raw: columns(level.raw ?? {}),
            normalised: columns(level.normalised ?? {}),
            diagnostics:
              level.diagnostics === undefined ? null : compactDiagnostics(level.diagnostics, doc.indicators),
            figures: level.figures === undefined ? null : compactFigures(level.figures),
            intervals: levelIntervalsOf(doc, level),
          })),
        };
  const intervals = intervalsOf(doc, rows);
  return {
    periods: doc.periods,
    units: doc.units,
    indicators: doc.indicators,
    nodes: doc.nodes,
    root: doc.root,
    register: doc.register,
    raw,
    normalised,
    scores,
    ranks,
    rawReasons: sparseBytes(doc.rawReasons, rows),
    flags: sparseBytes(doc.flags, rows),
    weights: doc.weights,
    choices: doc.choices,
    log: doc.log,
    diagnostics,
    rollup,
    figures,
    coverage: doc.coverage ?? null,
    weightShares: columns(doc.weightShares ?? {}),
    levels: [
      { codes: doc.units, scores, ranks, raw, normalised, diagnostics, figures, intervals },
      ...(rollup?.levels ?? []),
    ],
    intervals,
    peers: doc.peers ?? null,
  };
}
