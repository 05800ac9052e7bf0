/**
 * Reads a data table for `score`: one row per unit (and period), a unit-code column, an optional
 * period column, text columns (names, peer groups …) that become unit attributes, and numeric columns
 * that become variables. An empty cell is missing. Units keep the order of their first row; periods
 * are sorted (numerically when they are numbers).
 *
 * The file is read by the intake, as an import reads it (CSV in UTF-8, GB18030 or UTF-16, XLSX or
 * JSON; numbers as readNumber reads them), and bad input is refused naming the row and column, in
 * Chinese and English (ValidationError).
 *
 * @example await readScoringData('asem_iData.csv', { unitColumn: 'uCode', periodColumn: 'Time' })
 */
import type { EnginePeriod, EngineUnits } from '../../server/engine/types.js';
import { ValidationError } from '../../server/errors.js';
import { columnLetter } from '../../server/intake/column-letter.js';
import { readIntakeFile } from '../../server/intake/intake-file.js';
import { readNumber } from '../../server/intake/read-number.js';
import { readTable } from '../../server/intake/read-table.js';
import { cellText, isBlank, type Cell, type TableRow } from '../../server/intake/table.js';

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

/** A local file has no upload limit: a national table may be larger than an import's. */
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

const text = (cell: Cell | undefined): string => cellText(cell).trim();

export async function readScoringData(file: string, columns: TableColumns): Promise<ScoringData> {
  const table = await readTable(await readIntakeFile(file, NO_LIMIT));
  const { fileName, headers } = table;
  const unitAt = headers.indexOf(columns.unitColumn);
  if (unitAt === -1) {
    throw new ValidationError({
      zh: `${fileName} 没有单位代码列“${columns.unitColumn}”；现有的列：${headers.join('、')}`,
      en: `${fileName} has no column "${columns.unitColumn}" (the unit code); columns: ${headers.join(', ')}`,
    });
  }
  const periodAt = headers.indexOf(columns.periodColumn);
  const where = (row: TableRow, at: number): string =>
    `${fileName}, row ${row.row}, column ${columnLetter(at)} (${headers[at] ?? ''})`;
  const rows = table.rows.filter((row) => !row.cells.every((cell) => isBlank(cell)));
  const data = headers.flatMap((header, at) =>
    at === unitAt || at === periodAt || header === '' ? [] : [{ header, at }],
  );
  const numeric = data.filter(({ at }) => rows.every((row) => isNumberCell(row.cells[at])));
  const textual = data.filter((column) => !numeric.includes(column));

  const codes: string[] = [];
  const unitIndex = new Map<string, number>();
  const firstRow: TableRow[] = [];
  const periodIds = new Set<string>();
  for (const row of rows) {
    const code = text(row.cells[unitAt]);
    if (code === '') {
      const at = where(row, unitAt);
      throw new ValidationError({ zh: `${at}：没有单位代码`, en: `${at}: no unit code` }, [
        { where: at, message: 'no unit code', zh: '没有单位代码' },
      ]);
    }
    if (!unitIndex.has(code)) {
      unitIndex.set(code, codes.length);
      codes.push(code);
      firstRow.push(row);
    }
    periodIds.add(periodAt === -1 ? 'all' : text(row.cells[periodAt]));
  }
  const periodList = [...periodIds].sort(comparePeriods);
  const periods = periodList.map((id): EnginePeriod & { variables: Map<string, Float64Array> } => ({
    id,
    variables: new Map(
      numeric.map(({ header }) => [header, new Float64Array(codes.length).fill(Number.NaN)]),
    ),
  }));
  const seen = new Map<string, number>();
  for (const row of rows) {
    const code = text(row.cells[unitAt]);
    const periodId = periodAt === -1 ? 'all' : text(row.cells[periodAt]);
    const key = `${code}\u0000${periodId}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const at = where(row, unitAt);
      const period = periodAt === -1 ? '' : ` in ${periodId}`;
      const periodZh = periodAt === -1 ? '' : `在时期 ${periodId} `;
      throw new ValidationError(
        {
          zh: `${at}：单位 ${code} ${periodZh}出现两次（第 ${earlier} 行已有）`,
          en: `${at}: unit ${code} appears twice${period} (already in row ${earlier})`,
        },
        [
          {
            where: at,
            message: `unit ${code} appears twice${period}`,
            zh: `单位 ${code} ${periodZh}出现两次`,
          },
        ],
      );
    }
    seen.set(key, row.row);
    const period = periods[periodList.indexOf(periodId)];
    const u = unitIndex.get(code) ?? -1;
    for (const { header, at } of numeric) {
      const read = readNumber(row.cells[at]);
      const target = period?.variables.get(header);
      if (target !== undefined && read.kind === 'number') target[u] = read.value;
    }
  }
  const attributes = new Map(
    textual.map(({ header, at }) => [header, firstRow.map((row) => text(row.cells[at]) || undefined)]),
  );
  return { units: { codes, attributes }, periods, numericColumns: numeric.map(({ header }) => header) };
}

/** Empty, or a number as an import reads it. */
function isNumberCell(cell: Cell | undefined): boolean {
  const read = readNumber(cell);
  return read.kind === 'empty' || read.kind === 'number';
}

function comparePeriods(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  return Number.isNaN(x) || Number.isNaN(y) ? a.localeCompare(b) : x - y;
}
