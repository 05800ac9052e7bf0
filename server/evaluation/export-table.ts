/**
 * An evaluation's results as one flat table, a row per unit and period: codes and names, the
 * index score and rank, each dimension's score and rank, then each indicator's raw value,
 * normalised score and (when missing) the reason. Every export format writes this table. Names and
 * parents come from the unit register frozen in the results, so an export of a published evaluation
 * does not change when the register does.
 */
import { MISSING_REASONS } from '../engine/missing-reasons.js';
import type { ResultsDocument } from './results-document.js';

export type ExportCell = string | number | null;

export interface ExportTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly ExportCell[])[];
}

export function exportTable(results: ResultsDocument): ExportTable {
  const units = new Map(results.register.map((unit) => [unit.code, unit]));
  const nodes = [results.root, ...results.nodes.filter((n) => n !== results.root)];
  const header = [
    'unit_code',
    'name_zh',
    'name_en',
    'parent',
    'period',
    ...nodes.flatMap((n) => [`${n}.score`, `${n}.rank`]),
    ...results.indicators.flatMap((i) => [`${i}.raw`, `${i}.normalised`, `${i}.missing_reason`]),
  ];
  const rows: ExportCell[][] = [];
  const unitCount = results.units.length;
  results.periods.forEach((period, p) => {
    results.units.forEach((code, u) => {
      const row = p * unitCount + u;
      const unit = units.get(code);
      const reason = (indicator: string): string | null => {
        const codeAt = results.rawReasons[indicator]?.[String(row)];
        return codeAt === undefined ? null : (MISSING_REASONS[codeAt] ?? 'unknown');
      };
      rows.push([
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
      ]);
    });
  });
  return { header, rows };
}
