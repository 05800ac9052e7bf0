/**
 * The stored form of an engine result: plain JSON, columnar (one array per indicator or node,
 * one entry per row = period × unit, period-major as in the engine), missing cells as null with
 * their reason codes kept sparsely. Reports and exports read this; the engine's typed arrays
 * never reach the store.
 *
 * @example doc.scores.index[doc.units.length * periodIndex + unitIndex]
 */
import type { EngineResult } from '../engine/result.js';
import type { JsonValue } from '../store/store.js';

export const RESULTS_FORMAT = 'zhili-results/1';

export type Cell = number | null;

export interface ResultsDocument {
  readonly format: typeof RESULTS_FORMAT;
  readonly periods: readonly string[];
  /** Base unit codes in engine order. */
  readonly units: readonly string[];
  readonly indicators: readonly string[];
  /** Inner nodes and the root, children before parents. */
  readonly nodes: readonly string[];
  readonly root: string;
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

export function toResultsDocument(result: EngineResult): ResultsDocument {
  return {
    format: RESULTS_FORMAT,
    periods: result.periodIds,
    units: result.unitCodes,
    indicators: result.indicatorIds,
    nodes: result.nodeIds,
    root: result.root,
    raw: mapColumns(result.raw.values, cells),
    rawReasons: mapColumns(result.raw.reasons, sparse),
    normalised: mapColumns(result.normalised.values, cells),
    scores: mapColumns(result.scores.values, cells),
    ranks: mapColumns(result.ranks, (column) => Array.from(column, (r) => (r === 0 ? null : r))),
    flags: mapColumns(result.flags, sparse),
    weights: mapColumns(result.weights, (w) => ({ children: w.children, weights: Array.from(w.weights) })),
    choices: plain(result.choices),
    log: plain(result.log),
  };
}
