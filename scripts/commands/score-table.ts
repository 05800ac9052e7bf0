/**
 * Reads a data table for `score`: one row per unit (and period), a unit-code column, an optional
 * period column, text columns (names, peer groups …) that become unit attributes, and numeric columns
 * that become variables. An empty cell is missing. Units keep the order of their first row; periods
 * are sorted (numerically when they are numbers).
 *
 * @example readScoringData('asem_iData.csv', { unitColumn: 'uCode', periodColumn: 'Time' })
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { EnginePeriod, EngineUnits } from '../../server/engine/types.js';
import { CliError } from './cli-error.js';

export interface ScoringData {
  readonly units: EngineUnits;
  readonly periods: readonly EnginePeriod[];
  /** Columns read as numbers. */
  readonly numericColumns: readonly string[];
}

export interface TableColumns {
  readonly unitColumn: string;
  readonly periodColumn: string;
}

type Row = Record<string, string>;

export function readScoringData(file: string, columns: TableColumns): ScoringData {
  let rows: Row[];
  try {
    rows = parse<Row>(readFileSync(file, 'utf8'), {
      columns: true,
      skip_empty_lines: true,
      bom: true,
      trim: true,
    });
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const header = Object.keys(rows[0] ?? {});
  if (!header.includes(columns.unitColumn)) {
    throw new CliError(
      `${file} has no column "${columns.unitColumn}" (the unit code); columns: ${header.join(', ')}`,
    );
  }
  const hasPeriods = header.includes(columns.periodColumn);
  const data = header.filter((c) => c !== columns.unitColumn && c !== columns.periodColumn);
  const numeric = data.filter((c) => rows.every((row) => isNumberCell(row[c] ?? '')));
  const text = data.filter((c) => !numeric.includes(c));

  const codes: string[] = [];
  const unitIndex = new Map<string, number>();
  const firstRow: Row[] = [];
  const periodIds = new Set<string>();
  for (const row of rows) {
    const code = row[columns.unitColumn] ?? '';
    if (code === '') throw new CliError(`${file}: a row has no ${columns.unitColumn}`);
    if (!unitIndex.has(code)) {
      unitIndex.set(code, codes.length);
      codes.push(code);
      firstRow.push(row);
    }
    periodIds.add(hasPeriods ? (row[columns.periodColumn] ?? '') : 'all');
  }
  const periodList = [...periodIds].sort(comparePeriods);
  const periods = periodList.map((id): EnginePeriod & { variables: Map<string, Float64Array> } => ({
    id,
    variables: new Map(numeric.map((c) => [c, new Float64Array(codes.length).fill(Number.NaN)])),
  }));
  const seen = new Set<string>();
  for (const row of rows) {
    const code = row[columns.unitColumn] ?? '';
    const periodId = hasPeriods ? (row[columns.periodColumn] ?? '') : 'all';
    const key = `${code}\u0000${periodId}`;
    if (seen.has(key))
      throw new CliError(`${file}: unit ${code} appears twice${hasPeriods ? ` in ${periodId}` : ''}`);
    seen.add(key);
    const period = periods[periodList.indexOf(periodId)];
    const u = unitIndex.get(code) ?? -1;
    for (const c of numeric) {
      const cell = row[c] ?? '';
      const target = period?.variables.get(c);
      if (target !== undefined && cell !== '') target[u] = Number(cell);
    }
  }
  const attributes = new Map(text.map((c) => [c, firstRow.map((row) => emptyToUndefined(row[c] ?? ''))]));
  return { units: { codes, attributes }, periods, numericColumns: numeric };
}

function isNumberCell(cell: string): boolean {
  return cell === '' || (cell.trim() !== '' && !Number.isNaN(Number(cell)));
}

function emptyToUndefined(cell: string): string | undefined {
  return cell === '' ? undefined : cell;
}

function comparePeriods(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  return Number.isNaN(x) || Number.isNaN(y) ? a.localeCompare(b) : x - y;
}
