/**
 * A results document cut down to the units a scoped caller may see. Rows are period × unit
 * (period-major), so every per-row column keeps the rows of the allowed units in their order, the
 * sparse maps ({ row: code }) are renumbered, and each roll-up level keeps its allowed codes.
 * The fields are copied one by one (an allow list): a field added to the document later is left
 * out here until someone decides whether it is per unit. Ranks stay the ranks among all units.
 * The engine log and the Monte Carlo run records are dropped: they can name any unit.
 *
 * @example resultsWithinScope(doc, (code) => scope.allows(code)).units // only the caller's units
 */
import type {
  Cell,
  DiagnosticsDocument,
  ResultsDocument,
  RollupDocument,
  UncertaintyDocument,
} from '../../evaluation/results-document.js';

/** Which rows survive, and the new number of each old row (-1 when dropped). */
class RowSelection {
  readonly keep: boolean[];
  readonly renumber: Int32Array;

  constructor(periods: number, codes: readonly string[], allows: (code: string) => boolean) {
    const allowed = codes.map(allows);
    this.keep = Array.from(
      { length: periods * codes.length },
      (_, row) => allowed[row % codes.length] === true,
    );
    this.renumber = new Int32Array(this.keep.length).fill(-1);
    let next = 0;
    this.keep.forEach((kept, row) => {
      if (kept) this.renumber[row] = next++;
    });
  }

  rows<T>(column: readonly T[]): T[] {
    return column.filter((_, row) => this.keep[row] === true);
  }

  columns<T>(columns: Readonly<Record<string, readonly T[]>>): Record<string, T[]> {
    return Object.fromEntries(Object.entries(columns).map(([id, column]) => [id, this.rows(column)]));
  }

  sparse(
    columns: Readonly<Record<string, Readonly<Record<string, number>>>>,
  ): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const [id, entries] of Object.entries(columns)) {
      const kept: Record<string, number> = {};
      for (const [row, code] of Object.entries(entries)) {
        const renumbered = this.renumber[Number(row)] ?? -1;
        if (renumbered >= 0) kept[String(renumbered)] = code;
      }
      out[id] = kept;
    }
    return out;
  }
}

function diagnosticsWithin(d: DiagnosticsDocument, rows: RowSelection): DiagnosticsDocument {
  return {
    peerGroup: d.peerGroup,
    percentiles: rows.columns(d.percentiles),
    parentRanks: d.parentRanks === null ? null : rows.columns(d.parentRanks),
    peerRanks: d.peerRanks === null ? null : rows.columns(d.peerRanks),
    lights: rows.columns(d.lights),
    leafDimensions: d.leafDimensions,
    weakestDimension: rows.rows(d.weakestDimension),
    weakestIndicators: rows.rows(d.weakestIndicators),
    trends: rows.columns(d.trends),
  };
}

function rollupWithin(r: RollupDocument, periods: number, allows: (code: string) => boolean): RollupDocument {
  return {
    method: r.method,
    levels: r.levels.map((level) => {
      const rows = new RowSelection(periods, level.codes, allows);
      return {
        level: level.level,
        codes: level.codes.filter(allows),
        scores: rows.columns<Cell>(level.scores),
        ranks: rows.columns<Cell>(level.ranks),
      };
    }),
  };
}

function uncertaintyWithin(u: UncertaintyDocument, rows: RowSelection): UncertaintyDocument {
  return {
    seed: u.seed,
    design: u.design,
    runs: u.runs,
    factors: u.factors,
    top: u.top,
    median: rows.rows(u.median),
    p5: rows.rows(u.p5),
    p95: rows.rows(u.p95),
    topShare: rows.rows(u.topShare),
    sensitivity: u.sensitivity,
    records: null,
  };
}

export function resultsWithinScope(doc: ResultsDocument, allows: (code: string) => boolean): ResultsDocument {
  const periods = doc.periods.length;
  const rows = new RowSelection(periods, doc.units, allows);
  return {
    format: doc.format,
    ...(doc.version === undefined ? {} : { version: doc.version }),
    ...(doc.supersedes === undefined ? {} : { supersedes: doc.supersedes }),
    periods: doc.periods,
    units: doc.units.filter(allows),
    indicators: doc.indicators,
    nodes: doc.nodes,
    root: doc.root,
    register: doc.register.filter((unit) => allows(unit.code)),
    raw: rows.columns(doc.raw),
    rawReasons: rows.sparse(doc.rawReasons),
    normalised: rows.columns(doc.normalised),
    scores: rows.columns(doc.scores),
    ranks: rows.columns(doc.ranks),
    flags: rows.sparse(doc.flags),
    weights: doc.weights,
    choices: doc.choices,
    log: [],
    ...(doc.diagnostics === undefined ? {} : { diagnostics: diagnosticsWithin(doc.diagnostics, rows) }),
    ...(doc.rollup === undefined ? {} : { rollup: rollupWithin(doc.rollup, periods, allows) }),
    ...(doc.uncertainty === undefined ? {} : { uncertainty: uncertaintyWithin(doc.uncertainty, rows) }),
  };
}
