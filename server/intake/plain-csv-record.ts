/**
 * The fast path's record reader: one record of a plain CSV (no quotes), read from its UTF-8 bytes
 * straight into a row of a Float64Array, with the unit and period cells noted by position and the
 * unit code hashed on the way. A cell is read as readNumber reads it: a plain decimal of at most
 * 15 digits is computed from its digits (exact, see below); anything else (more digits, an
 * exponent, spaces, full-width digits …) goes to readNumber itself. Whatever decodeText or the
 * checks would object to (a control character, a bad unit code, a value out of range, a stray
 * line break) makes read() return false, and the caller gives the file to the general way.
 */
import { isRefusedControl } from './csv-utf8-bytes.js';
import type { IntakeVariable } from './intake-variable.js';
import { readNumber } from './read-number.js';
import { FNV_OFFSET, FNV_PRIME } from './unit-code-table.js';

/**
 * Exact powers of ten. A mantissa of at most 15 digits (< 2^53) and 10^k (k ≤ 15) are exact
 * doubles, so m / 10^k is one correctly rounded division: the double nearest the decimal, which
 * is what Number() gives.
 */
const POW10 = Float64Array.from({ length: 16 }, (_, k) => 10 ** k);
/** "This cell needs the general reading": never a value, since readNumber refuses infinities. */
const SLOW = Number.POSITIVE_INFINITY;

const CR = 13;
const LF = 10;
const MAX_CODE_LENGTH = 64;

/** The unit-code pattern by byte: 1 may start a code (A–Z, a–z, 0–9), 2 may follow (_ and -). */
const CODE_BYTE = new Uint8Array(256);
for (let c = 0; c < 256; c += 1) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9]/.test(ch)) CODE_BYTE[c] = 1;
  else if (ch === '_' || ch === '-') CODE_BYTE[c] = 2;
}

/** Variables' checks, one entry per variable read. */
export interface Bounds {
  /** 1 for an integer variable. */
  readonly integer: Uint8Array;
  /** Variable k's sound values are those in [range[2k], range[2k + 1]]. */
  readonly range: Float64Array;
}

const bits = new Float64Array(1);
const word = new BigInt64Array(bits.buffer);

/** The smallest double above x (x itself for NaN and +∞). */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Number.POSITIVE_INFINITY) return x;
  if (x === 0) return Number.MIN_VALUE;
  bits[0] = x;
  word[0] = (word[0] ?? 0n) + (x > 0 ? 1n : -1n); // the same bits, read as an integer
  return bits[0];
}

/**
 * rangeProblem's bounds as one closed interval per variable: value ≤ b (exclusive minimum b)
 * is value < nextUp(b), since no double lies between them; likewise for the maximum.
 */
export function boundsOf(variables: readonly IntakeVariable[]): Bounds {
  const range = new Float64Array(2 * variables.length);
  variables.forEach((v, k) => {
    const { minimum = -Infinity, maximum = Infinity, exclusiveMinimum, exclusiveMaximum } = v;
    range[2 * k] = exclusiveMinimum === undefined ? minimum : Math.max(minimum, nextUp(exclusiveMinimum));
    range[2 * k + 1] =
      exclusiveMaximum === undefined ? maximum : Math.min(maximum, -nextUp(-exclusiveMaximum));
  });
  return { integer: Uint8Array.from(variables, (v) => (v.type === 'integer' ? 1 : 0)), range };
}

/** Column roles: -1 ignored, -2 unit, -3 period, k ≥ 0 the k-th variable; -4 past the header. */
export const IGNORED = -1;
export const UNIT = -2;
export const PERIOD = -3;
const PAST_HEADER = -4;

export class RecordReader {
  /** Where the next record starts; past its line break after read(). */
  at = 0;
  unitFrom = -1;
  unitTo = -1;
  /** FNV-1a of the unit code's bytes. */
  unitHash = 0;
  periodFrom = -1;
  periodTo = -1;
  private readonly view: Uint8Array;
  private readonly end: number;

  constructor(
    /** UTF-8 text, as a Buffer for decoding the odd cell. */
    private readonly source: Buffer,
    private readonly separator: number,
    private readonly crlf: boolean,
    private readonly role: Int32Array,
    private readonly bounds: Bounds,
    /** Where the record's values go: values[k] for the k-th variable (NaN where missing). */
    private readonly values: Float64Array,
  ) {
    this.view = new Uint8Array(source.buffer, source.byteOffset, source.length);
    this.end = source.length;
  }

  /** A cell that is not a plain short decimal, read as the import reads it; SLOW when it is not a sound number. */
  private slowCell(from: number, to: number): number {
    for (let i = from; i < to; i += 1) if (isRefusedControl(this.view[i] ?? 0)) return SLOW;
    const read = readNumber(this.source.toString('utf8', from, to));
    if (read.kind === 'empty') return Number.NaN;
    return read.kind === 'number' ? read.value : SLOW;
  }

  /** Whether cells past the header's last column hold nothing but white space (csv-parse keeps them). */
  private blank(from: number, to: number): boolean {
    for (let i = from; i < to; i += 1) if (isRefusedControl(this.view[i] ?? 0)) return false;
    return this.source.toString('utf8', from, to).trim() === '';
  }

  /** The record at `at`; false when the fast path must give up. */
  read(): boolean {
    const { view, separator, crlf, role, values, end } = this;
    const { integer, range } = this.bounds;
    const width = role.length;
    let at = this.at;
    let column = 0;
    this.unitFrom = -1;
    this.unitTo = -1;
    this.periodFrom = -1;
    this.periodTo = -1;
    // One record: fields up to the line break (a lone CR or LF where the other is expected: give up).
    for (;;) {
      const kind = column < width ? (role[column] ?? IGNORED) : PAST_HEADER;
      let stop = at;
      let c = 0;
      if (kind >= 0) {
        // A variable's cell, read as it is scanned: an optional sign, digits, a point, digits.
        let negative = false;
        if (stop < end) {
          c = view[stop] ?? 0;
          if (c === 45 || c === 43) {
            negative = c === 45;
            stop += 1;
          }
        }
        const digitsFrom = stop;
        let mantissa = 0;
        while (stop < end) {
          c = view[stop] ?? 0;
          if (c < 48 || c > 57) break;
          mantissa = mantissa * 10 + (c - 48);
          stop += 1;
        }
        let digits = stop - digitsFrom;
        let decimals = 0;
        if (stop < end && c === 46) {
          stop += 1;
          const decimalsFrom = stop;
          while (stop < end) {
            c = view[stop] ?? 0;
            if (c < 48 || c > 57) break;
            mantissa = mantissa * 10 + (c - 48);
            stop += 1;
          }
          decimals = stop - decimalsFrom;
          digits += decimals;
        }
        let plain = true;
        if (stop < end && c !== separator && c !== LF && c !== CR) {
          plain = false;
          while (stop < end) {
            c = view[stop] ?? 0;
            if (c === separator || c === LF || c === CR) break;
            stop += 1;
          }
        }
        let value: number;
        if (stop === at) value = Number.NaN;
        else if (plain && digits > 0 && digits <= 15) {
          const magnitude = decimals === 0 ? mantissa : mantissa / (POW10[decimals] ?? Number.NaN);
          value = negative ? -magnitude : magnitude;
        } else {
          value = this.slowCell(at, stop);
          if (value === SLOW) return false;
        }
        if (
          value === value &&
          (!(value >= (range[2 * kind] ?? 0) && value <= (range[2 * kind + 1] ?? 0)) ||
            (integer[kind] === 1 && !Number.isInteger(value)))
        )
          return false;
        values[kind] = value;
      } else if (kind === UNIT) {
        // The unit code: its pattern checked and its hash computed byte by byte.
        let hash = FNV_OFFSET;
        let sound = true;
        while (stop < end) {
          c = view[stop] ?? 0;
          if (c === separator || c === LF || c === CR) break;
          const type = CODE_BYTE[c] ?? 0;
          if (type === 0 || (type === 2 && stop === at)) sound = false;
          hash = Math.imul(hash ^ c, FNV_PRIME);
          stop += 1;
        }
        if (!sound || stop === at || stop - at > MAX_CODE_LENGTH) return false;
        this.unitFrom = at;
        this.unitTo = stop;
        this.unitHash = hash;
      } else {
        while (stop < end) {
          c = view[stop] ?? 0;
          if (c === separator || c === LF || c === CR) break;
          if (c < 32 ? c !== 9 && c !== 12 : c === 127) return false;
          stop += 1;
        }
        if (kind === PERIOD) {
          this.periodFrom = at;
          this.periodTo = stop;
        } else if (kind === PAST_HEADER && stop > at && !this.blank(at, stop)) return false;
      }
      column += 1;
      at = stop + 1;
      if (stop >= end) break;
      if (c === separator) continue;
      if (crlf) {
        if (c !== CR || view[stop + 1] !== LF) return false;
        at = stop + 2;
      } else if (c !== LF) return false;
      break;
    }
    // Variables whose columns this (short) record does not reach are missing.
    for (let k = column; k < width; k += 1) {
      const kind = role[k] ?? IGNORED;
      if (kind >= 0) values[kind] = Number.NaN;
    }
    this.at = at;
    return true;
  }
}
