/**
 * The fast path for the common large file: a CSV without a single quote character, one kind of
 * line ending, every cell sound. Such a file is scanned once, straight from the decoded text into
 * Float64Array columns, without a string or object per cell. Its fields are exactly what csv-parse
 * gives (without quotes a field is the text between separators, a record the text between line
 * breaks); its checks are the import's own (layoutOf, readNumber, rangeProblem, ruleBreaches, the
 * unit register, periods, duplicates). The first thing it cannot take as it is (a quote, mixed
 * line endings, a blank or note row, a bad or duplicate cell, a rule breach …) makes it give up
 * (undefined), and the caller reads the file the general way, which reports every issue.
 */
import type { ObservationRow } from '../domain/observation.js';
import type { ValidationReport } from '../domain/validation-report.js';
import { PERIOD_ID_PATTERN } from '../domain/period.js';
import { UNIT_CODE_PATTERN } from '../domain/schemas.js';
import { ruleBreaches } from './check-rules.js';
import { MAX_COLUMNS } from './column-limit.js';
import { decodeText, type DecodedText } from './decode-text.js';
import { detectSeparator } from './detect-separator.js';
import { normaliseHeader } from './header-match.js';
import type { IntakeFile } from './intake-file.js';
import type { IntakeVariable } from './intake-variable.js';
import { KEY_NOTES } from './key-columns.js';
import type { ObservationColumns } from './observation-columns.js';
import { layoutOf, type Layout } from './observation-layout.js';
import { readNumber } from './read-number.js';
import { columnRef, ReportBuilder } from './report-builder.js';
import { sniffFormat } from './sniff-format.js';
import type { Table } from './table.js';
import type { CheckedObservations, ObservationCheck } from './validate-observations.js';
import { ROWS_PER_SLICE, yieldToEventLoop } from './yield-to-event-loop.js';

export interface ObservationColumnsRead {
  readonly encoding: string | null;
  readonly columns: ObservationColumns;
  readonly report: ValidationReport;
  /** True when the file went through the fast path. */
  readonly plain: boolean;
}

const UNIT_CODE = new RegExp(UNIT_CODE_PATTERN);
const PERIOD = new RegExp(PERIOD_ID_PATTERN);
const NOTES = new Set(KEY_NOTES.map(normaliseHeader));
/** The lengths of the notes, so that most codes need no lower-casing to be told from a note. */
const NOTE_LENGTHS = new Set([...NOTES].map((note) => note.length));
/** Exact powers of ten: m / 10^k is then the correctly rounded value, the same as Number(). */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);
/** "This cell needs the general reading": never a value, since readNumber refuses infinities. */
const SLOW = Number.POSITIVE_INFINITY;

const CR = 13;
const LF = 10;

/** A cell that is not a plain decimal, read as the import reads it; SLOW when it is not a sound number (an issue). */
function cellValue(text: string, from: number, to: number): number {
  const read = readNumber(text.slice(from, to));
  if (read.kind === 'empty') return Number.NaN;
  return read.kind === 'number' ? read.value : SLOW;
}

function decoded(file: IntakeFile): DecodedText | undefined {
  try {
    return decodeText(file);
  } catch {
    return undefined;
  }
}

/** `array`, or a copy twice as long when it is shorter than `length`. */
function grownTo(array: Int32Array, length: number): Int32Array {
  if (array.length >= length) return array;
  const next = new Int32Array(Math.max(length, array.length * 2));
  next.set(array);
  return next;
}

/** Growable row-major storage of the values read. */
class Rows {
  units: Int32Array;
  periods: Int32Array;
  values: Float64Array;
  count = 0;

  constructor(
    private readonly width: number,
    expected: number,
  ) {
    const capacity = Math.max(1024, expected);
    this.units = new Int32Array(capacity);
    this.periods = new Int32Array(capacity);
    this.values = new Float64Array(capacity * width);
  }

  /** The offset of a new row's values (to be set by the caller). */
  add(unit: number, period: number): number {
    if (this.count === this.units.length) {
      const grow = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
        const next = make(old.length * 2);
        next.set(old);
        return next;
      };
      this.units = grow(this.units, (n) => new Int32Array(n));
      this.periods = grow(this.periods, (n) => new Int32Array(n));
      this.values = grow(this.values, (n) => new Float64Array(n));
    }
    this.units[this.count] = unit;
    this.periods[this.count] = period;
    const offset = this.count * this.width;
    this.count += 1;
    return offset;
  }
}

/** Variables' bounds, one entry per variable read (rangeProblem's rules as a few comparisons). */
interface Bounds {
  readonly integer: Uint8Array;
  readonly low: Float64Array;
  readonly lowExclusive: Float64Array;
  readonly high: Float64Array;
  readonly highExclusive: Float64Array;
}

/**
 * Reads one record at a time into `values`, noting where the unit and period cells are. A small
 * synchronous method of its own, so that the engine compiles the hot loop well.
 */
class RecordReader {
  at = 0;
  unitFrom = -1;
  unitTo = -1;
  periodFrom = -1;
  periodTo = -1;

  constructor(
    private readonly text: string,
    private readonly separator: number,
    private readonly crlf: boolean,
    /** What each column is: -1 ignored, -2 unit, -3 period, k ≥ 0 the k-th variable. */
    private readonly role: Int32Array,
    private readonly values: Float64Array,
    private readonly bounds: Bounds,
  ) {}

  /** The record at `at`; false when the fast path must give up. */
  read(): boolean {
    const { text, separator, crlf, role, values } = this;
    const { integer, low, lowExclusive, high, highExclusive } = this.bounds;
    const end = text.length;
    const width = role.length;
    let at = this.at;
    let column = 0;
    this.unitFrom = -1;
    this.unitTo = -1;
    this.periodFrom = -1;
    this.periodTo = -1;
    // One record: fields up to the line break (a lone CR or LF where the other is expected: give up).
    for (;;) {
      const kind = column < width ? (role[column] ?? -1) : -4;
      let stop = at;
      let c = 0;
      if (kind >= 0) {
        // A variable's cell, read as it is scanned: digits, one point, an optional sign.
        let negative = false;
        let mantissa = 0;
        let digits = 0;
        let decimals = 0;
        let point = false;
        let plain = true;
        if (stop < end) {
          const sign = text.charCodeAt(stop);
          if (sign === 45 || sign === 43) {
            negative = sign === 45;
            stop += 1;
          }
        }
        while (stop < end) {
          c = text.charCodeAt(stop);
          if (c >= 48 && c <= 57) {
            mantissa = mantissa * 10 + (c - 48);
            digits += 1;
            if (point) decimals += 1;
          } else if (c === 46 && !point) point = true;
          else if (c === separator || c === LF || c === CR) break;
          else plain = false;
          stop += 1;
        }
        let value: number;
        if (stop === at) value = Number.NaN;
        else if (plain && digits > 0 && digits <= 15) {
          const magnitude = decimals === 0 ? mantissa : mantissa / (POW10[decimals] ?? Number.NaN);
          value = negative ? -magnitude : magnitude;
        } else value = cellValue(text, at, stop);
        if (value === SLOW) return false;
        if (
          value === value &&
          ((integer[kind] === 1 && !Number.isInteger(value)) ||
            value < (low[kind] ?? 0) ||
            value <= (lowExclusive[kind] ?? 0) ||
            value > (high[kind] ?? 0) ||
            value >= (highExclusive[kind] ?? 0))
        )
          return false;
        values[kind] = value;
      } else {
        while (stop < end) {
          c = text.charCodeAt(stop);
          if (c === separator || c === LF || c === CR) break;
          stop += 1;
        }
      }
      if (kind === -2) {
        this.unitFrom = at;
        this.unitTo = stop;
      } else if (kind === -3) {
        this.periodFrom = at;
        this.periodTo = stop;
      } else if (kind === -4 && stop > at && text.slice(at, stop).trim() !== '') return false;
      column += 1;
      at = stop + 1;
      if (stop >= end) break;
      if (c === separator) continue;
      if (crlf) {
        if (c !== CR || text.charCodeAt(stop + 1) !== LF) return false;
        at = stop + 2;
      } else if (c !== LF) return false;
      break;
    }
    this.at = at;
    return true;
  }
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
  readonly rows: Rows;
  readonly codes: readonly string[];
  readonly periodIndex: ReadonlyMap<string, number>;
  readonly report: ValidationReport;
}

async function plainScan(file: IntakeFile, check: PlainCheck): Promise<PlainScan | undefined> {
  if (sniffFormat(file) !== 'csv') return undefined;
  const text = decoded(file);
  if (text === undefined) return undefined;
  return scan(file.fileName, text, check);
}

/** The file's columns for the engine, or undefined when the general way must read it. */
export async function plainObservationColumns(
  file: IntakeFile,
  check: PlainCheck,
): Promise<ObservationColumnsRead | undefined> {
  const found = await plainScan(file, check);
  if (found === undefined) return undefined;
  const { encoding, layout, rows, codes, periodIndex, report } = found;
  return {
    encoding,
    columns: layOut(
      rows,
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
  const { headers, layout, rows, codes, periodIndex, report } = found;
  const names = layout.variables.map((v) => v.variable.name);
  const periodIds: string[] = [];
  for (const [id, p] of periodIndex) periodIds[p] = id;
  const observations: ObservationRow[] = [];
  const sources: number[] = [];
  for (let r = 0; r < rows.count; r += 1) {
    if (r % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await yieldToEventLoop();
    const values: Record<string, number> = {};
    const offset = r * names.length;
    names.forEach((name, k) => {
      const value = rows.values[offset + k] ?? Number.NaN;
      if (!Number.isNaN(value)) values[name] = value;
    });
    observations.push({
      unit: codes[rows.units[r] ?? 0] ?? '',
      period: periodIds[rows.periods[r] ?? 0] ?? '',
      values,
    });
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
  { text, encoding }: DecodedText,
  check: PlainCheck,
): Promise<PlainScan | undefined> {
  if (text.includes('"')) return undefined;
  const firstLf = text.indexOf('\n');
  const firstCr = text.indexOf('\r');
  if (firstLf === -1) return undefined;
  const crlf = firstCr !== -1;
  if (crlf && firstCr !== firstLf - 1) return undefined;
  const separator = detectSeparator(text).charCodeAt(0);
  const headers = text
    .slice(0, crlf ? firstCr : firstLf)
    .split(String.fromCharCode(separator))
    .map((h) => h.trim());
  if (headers.length > MAX_COLUMNS || headers.every((h) => h === '')) return undefined;
  const report = new ReportBuilder(fileName, null);
  const table: Table = { fileName, format: 'csv', encoding, sheet: null, headers, rows: [] };
  const layout = layoutOf({ table, variables: check.variables, period: check.period }, report, 1);
  const { unit: unitColumn, period: periodColumn } = layout;
  if (report.errorCount > 0 || unitColumn === undefined || layout.variables.length === 0) return undefined;
  if (periodColumn === undefined && check.period === null) return undefined;

  const width = layout.variables.length;
  const variables = layout.variables.map((v) => v.variable);
  // What each column is: -1 ignored, -2 unit, -3 period, k ≥ 0 the k-th variable.
  const role = new Int32Array(headers.length).fill(-1);
  role[unitColumn] = -2;
  if (periodColumn !== undefined) role[periodColumn] = -3;
  layout.variables.forEach(({ index }, k) => (role[index] = k));
  const rules = check.rules ?? [];
  // Each variable's bounds, so that a sound value costs a few comparisons (rangeProblem's rules).
  const bound = (pick: (v: IntakeVariable) => number | undefined, none: number): Float64Array =>
    Float64Array.from(variables, (v) => pick(v) ?? none);

  const unitIndex = new Map<string, number>();
  const codes: string[] = [];
  const periodIndex = new Map<string, number>();
  const seen: Set<number>[] = [];
  let firstPeriod: Int32Array = new Int32Array(1024);
  let lastPeriod = '\u0000';
  // Room for as many rows as the file holds if they are about as long as the first one.
  const secondLf = text.indexOf('\n', firstLf + 1);
  const rows = new Rows(width, Math.ceil((1.1 * text.length) / Math.max(1, secondLf - firstLf)));
  const values = new Float64Array(width);
  const reader = new RecordReader(text, separator, crlf, role, values, {
    integer: Uint8Array.from(variables, (v) => (v.type === 'integer' ? 1 : 0)),
    low: bound((v) => v.minimum, -Infinity),
    lowExclusive: bound((v) => v.exclusiveMinimum, -Infinity),
    high: bound((v) => v.maximum, Infinity),
    highExclusive: bound((v) => v.exclusiveMaximum, Infinity),
  });
  const end = text.length;
  let at = firstLf + 1;
  while (at < end) {
    if (rows.count % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await yieldToEventLoop();
    values.fill(Number.NaN);
    reader.at = at;
    if (!reader.read()) return undefined;
    ({ at } = reader);
    const { unitFrom, unitTo, periodFrom, periodTo } = reader;
    if (unitFrom === unitTo) return undefined;
    const unit = text.slice(unitFrom, unitTo);
    if (!UNIT_CODE.test(unit)) return undefined;
    if (NOTE_LENGTHS.has(unit.length) && NOTES.has(unit.toLowerCase())) return undefined;
    let period: string;
    if (periodFrom === periodTo) {
      if (check.period === null) return undefined;
      period = check.period;
    } else if (periodTo - periodFrom === lastPeriod.length && text.startsWith(lastPeriod, periodFrom)) {
      period = lastPeriod; // the same period as the row before: checked already
    } else {
      period = text.slice(periodFrom, periodTo);
      if (!PERIOD.test(period) || (check.period !== null && period !== check.period)) return undefined;
      lastPeriod = period;
    }
    if (rules.length > 0) {
      const record: Record<string, number> = {};
      variables.forEach((v, k) => {
        const value = values[k] ?? Number.NaN;
        if (!Number.isNaN(value)) record[v.name] = value;
      });
      if (ruleBreaches(rules, record).length > 0) return undefined;
    }
    let u = unitIndex.get(unit);
    const fresh = u === undefined;
    if (u === undefined) {
      u = codes.length;
      unitIndex.set(unit, u);
      codes.push(unit);
    }
    let p = periodIndex.get(period);
    if (p === undefined) {
      p = periodIndex.size;
      periodIndex.set(period, p);
      seen.push(new Set());
    }
    // A unit's first period is noted by unit, its further ones by period.
    if (fresh) firstPeriod = grownTo(firstPeriod, u + 1);
    if (fresh) firstPeriod[u] = p;
    else {
      const units = seen[p];
      if (firstPeriod[u] === p || units === undefined || units.has(u)) return undefined;
      units.add(u);
    }
    const offset = rows.add(u, p); // may grow rows.values: read it after
    rows.values.set(values, offset);
  }
  if (rows.count === 0) return undefined;
  // The register is asked last, so that a store's answer can arrive while the file is read.
  const known = await check.knownUnits;
  for (const code of codes) if (!known.has(code)) return undefined;
  return {
    encoding,
    headers,
    layout,
    rows,
    codes,
    periodIndex,
    report: report.build(rows.count),
  };
}

/** Row-major values → per period one column per variable, units in the order of their first row. */
function layOut(
  rows: Rows,
  codes: readonly string[],
  periodIndex: ReadonlyMap<string, number>,
  names: readonly string[],
  all: readonly string[],
): ObservationColumns {
  const width = names.length;
  const byPeriod = [...periodIndex.keys()].map(() =>
    names.map(() => new Float64Array(codes.length).fill(Number.NaN)),
  );
  for (let r = 0; r < rows.count; r += 1) {
    const columns = byPeriod[rows.periods[r] ?? 0] ?? [];
    const u = rows.units[r] ?? 0;
    const offset = r * width;
    for (let k = 0; k < width; k += 1) {
      const column = columns[k];
      if (column !== undefined) column[u] = rows.values[offset + k] ?? Number.NaN;
    }
  }
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
