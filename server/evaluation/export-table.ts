/**
 * An evaluation's results as one flat table, a row per unit and period: codes and names, the
 * index score and rank, each dimension's score and rank, then each indicator's raw value,
 * normalised score and (when missing) the reason. Every export format writes this table. Names and
 * parents come from the unit register frozen in the results, so an export of a published evaluation
 * does not change when the register does.
 *
 * `exportRows` yields the rows one at a time: 100,000 communities over 3 periods make 300,000 rows
 * of ~285 cells, too many to hold as arrays at once (export-chunks.ts writes them in blocks).
 */
import { MISSING_REASONS } from '../engine/missing-reasons.js';
import type { ResultsDocument } from './results-document.js';

export type ExportCell = string | number | null;

export interface ExportTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly ExportCell[])[];
}

/** The index first, then the other nodes in the results' order. */
function exportNodes(results: ResultsDocument): string[] {
  return [results.root, ...results.nodes.filter((n) => n !== results.root)];
}

export function exportHeader(results: ResultsDocument): string[] {
  return [
    'unit_code',
    'name_zh',
    'name_en',
    'parent',
    'period',
    ...exportNodes(results).flatMap((n) => [`${n}.score`, `${n}.rank`]),
    ...results.indicators.flatMap((i) => [`${i}.raw`, `${i}.normalised`, `${i}.missing_reason`]),
  ];
}

/** The rows in the results' order (period-major, units in engine order), built as they are asked for. */
export function* exportRows(results: ResultsDocument): Generator<ExportCell[], void, undefined> {
  const units = new Map(results.register.map((unit) => [unit.code, unit]));
  const nodes = exportNodes(results);
  const unitCount = results.units.length;
  for (const [p, period] of results.periods.entries()) {
    for (const [u, code] of results.units.entries()) {
      const row = p * unitCount + u;
      const unit = units.get(code);
      const reason = (indicator: string): string | null => {
        const codeAt = results.rawReasons[indicator]?.[String(row)];
        return codeAt === undefined ? null : (MISSING_REASONS[codeAt] ?? 'unknown');
      };
      yield [
        code,
        unit?.name.zh ?? null,
        unit?.name.en ?? null,
        unit?.parent ?? null,
        period,
        ...nodes.flatMap((n) => [results.scores[n]?.[row] ?? null, results.ranks[n]?.[row] ?? null]),
        ...results.indicators.flatMap((i) => [
          results.raw[i]?.[row] ?? null,
          results.normalised[i]?.[row] ?? null,
          reason(i),
        ]),
      ];
    }
  }
}

/** The whole table at once, for callers whose evaluations are small (COINr files, tests). */
export function exportTable(results: ResultsDocument): ExportTable {
  return { header: exportHeader(results), rows: [...exportRows(results)] };
}
