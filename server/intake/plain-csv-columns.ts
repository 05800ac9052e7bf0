/**
 * The fast path for the common large file: a CSV without a single quote character, one kind of
 * line ending, every cell sound. Such a file is scanned once, from its UTF-8 bytes (not decoded;
 * csv-utf8-bytes.ts) straight into Float64Array columns (period-columns.ts), without a string or
 * object per cell: numbers are read from the bytes (plain-csv-record.ts) and unit codes interned by
 * hashing their bytes (unit-code-table.ts), a string made once per unit. Its fields are exactly
 * what csv-parse gives (without quotes a field is the text between separators, a record the text
 * between line breaks); its checks are the import's own (layoutOf, readNumber, rangeProblem,
 * ruleBreaches, the unit register, periods, duplicates, decodeText's refusals). The first thing it
 * cannot take as it is (a quote, mixed line endings, a blank or note row, a control character, a
 * bad or duplicate cell, a rule breach …) makes it give up (undefined), and the caller reads the
 * file the general way, which reports every issue.
 */
import type { ObservationRow } from '../domain/observation.js';
import type { ValidationReport } from '../domain/validation-report.js';
import { PERIOD_ID_PATTERN } from '../domain/period.js';
import { ruleBreaches } from './check-rules.js';
import { MAX_COLUMNS } from './column-limit.js';
import { utf8CsvBytes, type Utf8CsvBytes } from './csv-utf8-bytes.js';
import { detectSeparator } from './detect-separator.js';
import { normaliseHeader } from './header-match.js';
import type { IntakeFile } from './intake-file.js';
import { KEY_NOTES } from './key-columns.js';
import type { ObservationColumns } from './observation-columns.js';
import { layoutOf, type Layout } from './observation-layout.js';
import { boundsOf, IGNORED, PERIOD, RecordReader, UNIT } from './plain-csv-record.js';
import { columnRef, ReportBuilder } from './report-builder.js';
import { sniffFormat } from './sniff-format.js';
import type { Table } from './table.js';
import type { CheckedObservations, ObservationCheck } from './validate-observations.js';
import { PeriodColumns } from './period-columns.js';
import { UnitCodeTable } from './unit-code-table.js';
import { ROWS_PER_SLICE, yieldToEventLoop } from './yield-to-event-loop.js';

export interface ObservationColumnsRead {
  readonly encoding: string | null;
  readonly columns: ObservationColumns;
  readonly report: ValidationReport;
  /** True when the file went through the fast path. */
  readonly plain: boolean;
}

const CR = 13;
const LF = 10;
const QUOTE = 34;
const PERIOD_ID = new RegExp(PERIOD_ID_PATTERN);
const NOTES = new Set(KEY_NOTES.map(normaliseHeader));
/** The lengths of the notes, so that most codes need no lower-casing to be told from a note. */
const NOTE_LENGTHS = new Set([...NOTES].map((note) => note.length));
// eslint-disable-next-line no-control-regex -- the control characters decodeText refuses
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

/** `array`, or a copy twice as long when it is shorter than `length`. */
function grownTo(array: Int32Array, length: number): Int32Array {
  if (array.length >= length) return array;
  const next = new Int32Array(Math.max(length, array.length * 2));
  next.set(array);
  return next;
}

/**
 * What the fast path checks against; the unit register may still be on its way from the store (it
 * is needed only once the whole file is read).
 */
export type PlainCheck = Omit<ObservationCheck, 'table' | 'knownUnits'> & {
  readonly knownUnits: ReadonlySet<string> | Promise<ReadonlySet<string>>;
};

/** What one scan of a plain file found: every row sound, in file order. */
interface PlainScan {
  readonly encoding: string;
  readonly headers: readonly string[];
  readonly layout: Layout;
  /** Each row's unit and period, in file order. */
  readonly rowUnits: Int32Array;
  readonly rowPeriods: Int32Array;
  readonly rowCount: number;
  /** By period index, by layout variable: one value per unit. */
  readonly byPeriod: readonly (readonly Float64Array[])[];
  readonly codes: readonly string[];
  readonly periodIndex: ReadonlyMap<string, number>;
  readonly report: ValidationReport;
}

async function plainScan(file: IntakeFile, check: PlainCheck): Promise<PlainScan | undefined> {
  if (sniffFormat(file) !== 'csv') return undefined;
  const source = utf8CsvBytes(file);
  if (source === undefined) return undefined;
  return scan(file.fileName, source, check);
}

/** The file's columns for the engine, or undefined when the general way must read it. */
export async function plainObservationColumns(
  file: IntakeFile,
  check: PlainCheck,
): Promise<ObservationColumnsRead | undefined> {
  const found = await plainScan(file, check);
  if (found === undefined) return undefined;
  const { encoding, layout, byPeriod, codes, periodIndex, report } = found;
  return {
    encoding,
    columns: layOut(
      byPeriod,
      codes,
      periodIndex,
      layout.variables.map((v) => v.variable.name),
      check.variables.map((v) => v.name),
    ),
    report,
    plain: true,
  };
}

/**
 * The file's rows for the store, exactly as checkObservations gives them for the same file, or
 * undefined when the general way must read it.
 */
export async function plainCheckedObservations(
  file: IntakeFile,
  check: PlainCheck,
): Promise<CheckedObservations | undefined> {
  const found = await plainScan(file, check);
  if (found === undefined) return undefined;
  const { headers, layout, rowUnits, rowPeriods, rowCount, byPeriod, codes, periodIndex, report } = found;
  const names = layout.variables.map((v) => v.variable.name);
  const periodIds: string[] = [];
  for (const [id, p] of periodIndex) periodIds[p] = id;
  const observations: ObservationRow[] = [];
  const sources: number[] = [];
  for (let r = 0; r < rowCount; r += 1) {
    if (r % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await yieldToEventLoop();
    const values: Record<string, number> = {};
    const u = rowUnits[r] ?? 0;
    const p = rowPeriods[r] ?? 0;
    const columns = byPeriod[p] ?? [];
    names.forEach((name, k) => {
      const value = columns[k]?.[u] ?? Number.NaN;
      if (!Number.isNaN(value)) values[name] = value;
    });
    observations.push({ unit: codes[u] ?? '', period: periodIds[p] ?? '', values });
    // Without quotes every record is one line, and no row was skipped: row r is file row r + 2.
    sources.push(r + 2);
  }
  return {
    rows: observations,
    sources,
    columns: new Map(
      layout.variables.map(({ index, variable }) => [variable.name, columnRef(index, headers[index] ?? '')]),
    ),
    periods: [...periodIndex.keys()].sort(),
    report,
  };
}

async function scan(
  fileName: string,
  { bytes, start, encoding }: Utf8CsvBytes,
  check: PlainCheck,
): Promise<PlainScan | undefined> {
  if (bytes.includes(QUOTE, start)) return undefined;
  const firstLf = bytes.indexOf(LF, start);
  const firstCr = bytes.indexOf(CR, start);
  if (firstLf === -1) return undefined;
  const crlf = firstCr !== -1;
  if (crlf && firstCr !== firstLf - 1) return undefined;
  const headerLine = bytes.toString('utf8', start, crlf ? firstCr : firstLf);
  if (CONTROL.test(headerLine)) return undefined;
  const separatorChar = detectSeparator(headerLine);
  const headers = headerLine.split(separatorChar).map((h) => h.trim());
  if (headers.length > MAX_COLUMNS || headers.every((h) => h === '')) return undefined;
  const report = new ReportBuilder(fileName, null);
  const table: Table = { fileName, format: 'csv', encoding, sheet: null, headers, rows: [] };
  const layout = layoutOf({ table, variables: check.variables, period: check.period }, report, 1);
  const { unit: unitColumn, period: periodColumn } = layout;
  if (report.errorCount > 0 || unitColumn === undefined || layout.variables.length === 0) return undefined;
  if (periodColumn === undefined && check.period === null) return undefined;

  const width = layout.variables.length;
  const variables = layout.variables.map((v) => v.variable);
  const role = new Int32Array(headers.length).fill(IGNORED);
  role[unitColumn] = UNIT;
  if (periodColumn !== undefined) role[periodColumn] = PERIOD;
  layout.variables.forEach(({ index }, k) => (role[index] = k));
  const rules = check.rules ?? [];

  // Room for as many rows as the file holds if they are about as long as the first one.
  const secondLf = bytes.indexOf(LF, firstLf + 1);
  const lineLength = (secondLf === -1 ? bytes.length : secondLf) - firstLf;
  const expected = Math.ceil((1.1 * (bytes.length - start)) / Math.max(1, lineLength));
  const units = new UnitCodeTable(bytes, expected);
  const periodIndex = new Map<string, number>();
  const seen: Set<number>[] = [];
  const columns = new PeriodColumns(width, expected);
  // A period's index, and its set of units met in it that had an earlier period.
  const periodNumber = (period: string): number => {
    let p = periodIndex.get(period);
    if (p === undefined) {
      p = periodIndex.size;
      periodIndex.set(period, p);
      seen.push(new Set());
      columns.addPeriod();
    }
    return p;
  };
  let firstPeriod: Int32Array = new Int32Array(1024);
  // The period of the row before, by position in the file and index: most rows repeat it.
  let lastFrom = 0;
  let lastLength = -1;
  let lastIndex = 0;
  const row = new Float64Array(width);
  const reader = new RecordReader(bytes, separatorChar.charCodeAt(0), crlf, role, boundsOf(variables), row);
  const end = bytes.length;
  let at = firstLf + 1;
  while (at < end) {
    if (columns.rowCount % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await yieldToEventLoop();
    reader.at = at;
    if (!reader.read()) return undefined;
    ({ at } = reader);
    const { unitFrom, unitTo, periodFrom, periodTo } = reader;
    if (unitFrom === unitTo) return undefined;
    let p: number;
    const length = periodTo - periodFrom;
    if (length === 0) {
      if (check.period === null) return undefined;
      p = periodNumber(check.period);
    } else if (length === lastLength && sameBytes(bytes, lastFrom, periodFrom, length)) {
      p = lastIndex; // the same period as the row before: checked already
    } else {
      const period = bytes.toString('utf8', periodFrom, periodTo);
      if (!PERIOD_ID.test(period) || (check.period !== null && period !== check.period)) return undefined;
      p = periodNumber(period);
      lastFrom = periodFrom;
      lastLength = length;
      lastIndex = p;
    }
    if (rules.length > 0) {
      const record: Record<string, number> = {};
      variables.forEach((v, k) => {
        const value = row[k] ?? Number.NaN;
        if (!Number.isNaN(value)) record[v.name] = value;
      });
      if (ruleBreaches(rules, record).length > 0) return undefined;
    }
    const before = units.count;
    const u = units.intern(unitFrom, unitTo, reader.unitHash);
    // A unit's first period is noted by unit, its further ones by period.
    if (units.count > before) {
      firstPeriod = grownTo(firstPeriod, u + 1);
      firstPeriod[u] = p;
    } else {
      const seenInPeriod = seen[p];
      if (firstPeriod[u] === p || seenInPeriod === undefined || seenInPeriod.has(u)) return undefined;
      seenInPeriod.add(u);
    }
    columns.put(p, u, row);
  }
  if (columns.rowCount === 0) return undefined;
  const codes = units.strings();
  for (const code of codes) {
    if (NOTE_LENGTHS.has(code.length) && NOTES.has(code.toLowerCase())) return undefined;
  }
  // The register is asked last, so that a store's answer can arrive while the file is read.
  const known = await check.knownUnits;
  for (const code of codes) if (!known.has(code)) return undefined;
  return {
    encoding,
    headers,
    layout,
    rowUnits: columns.rowUnits,
    rowPeriods: columns.rowPeriods,
    rowCount: columns.rowCount,
    byPeriod: columns.finished(codes.length),
    codes,
    periodIndex,
    report: report.build(columns.rowCount),
  };
}

function sameBytes(bytes: Uint8Array, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k += 1) if (bytes[a + k] !== bytes[b + k]) return false;
  return true;
}

/** Columns by period index → by period id (sorted), a column for every variable checked, units in the order of their first row. */
function layOut(
  byPeriod: readonly (readonly Float64Array[])[],
  codes: readonly string[],
  periodIndex: ReadonlyMap<string, number>,
  names: readonly string[],
  all: readonly string[],
): ObservationColumns {
  const ids = [...periodIndex.keys()].sort();
  return {
    codes,
    periods: ids.map((id) => ({
      id,
      variables: new Map(
        all.map((name) => {
          const column = byPeriod[periodIndex.get(id) ?? 0]?.[names.indexOf(name)];
          return [name, column ?? new Float64Array(codes.length).fill(Number.NaN)];
        }),
      ),
    })),
  };
}
