/**
 * JSON written and read in pieces: the bytes are exactly JSON.stringify's, the value read back is
 * JSON.parse's (keys in the same order), and with a small bound no string longer than the bound
 * is built on either side, however long the whole text.
 */
import { expect } from 'chai';
import {
  parseJsonPieces,
  PieceIndexError,
  writeJsonPieces,
  type PieceIndex,
} from '../../../server/store/documents/json-pieces.js';

/** Text that JSON must escape or encode in several bytes: quotes, backslashes, controls, CJK, a surrogate pair, U+2028. */
const HOSTILE = 'say "hi"\\ \n\t\u0001 中文治理 😀 \u2028\u2029 </script>';

/** A results-shaped value with every awkward kind of content, ~`rows` rows per column. */
export function hostileValue(rows: number): Record<string, unknown> {
  const column = (seed: number): (number | null)[] =>
    Array.from({ length: rows }, (_, i) => (i % 11 === 3 ? null : Math.sin(i * seed + 1) * 1000));
  return {
    format: 'zhili-results/2',
    units: Array.from({ length: rows }, (_, i) => `U${i}`),
    register: Array.from({ length: Math.ceil(rows / 10) }, (_, i) => ({
      code: `U${i}`,
      name: `${HOSTILE}${i}`,
      parent: i === 0 ? null : 'U0',
      attributes: {},
    })),
    raw: { a: column(1), b: column(2), 'x y': column(3) },
    // Integer-like keys: objects put them first, ascending, and so must the reader.
    rawReasons: { a: { '10': 2, '2': 1, '100': 3, x: 4 }, b: {} },
    numbers: [-0, 0, 1e21, 1e-7, 5e-324, -1.7976931348623157e308, 123456789012345680000, 0.1 + 0.2],
    nested: { empty: {}, none: [], deep: [[[{}]], [[]], { a: [{ b: {} }] }], nulls: [null, null] },
    '10': HOSTILE,
    '2': { [HOSTILE]: [true, false, null] },
    log: Array.from({ length: rows / 4 }, (_, i) => ({ row: i, note: HOSTILE.slice(0, i % 40) })),
  };
}

/** Every object's keys in order, depth first: what deep equality does not compare. */
function keyOrder(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => keyOrder(item, out));
  else if (typeof value === 'object' && value !== null) {
    out.push(Object.keys(value).join('|'));
    for (const item of Object.values(value)) keyOrder(item, out);
  }
  return out;
}

/** Runs `work` with JSON.stringify, JSON.parse and Buffer#toString reporting the longest string they made or took. */
function longestString<T>(work: () => T): { result: T; longest: number } {
  const { stringify, parse } = JSON;
  const toString = Buffer.prototype.toString;
  let longest = 0;
  const seen = (text: unknown): void => {
    if (typeof text === 'string') longest = Math.max(longest, text.length);
  };
  JSON.stringify = (...args: Parameters<typeof JSON.stringify>) => {
    const text = stringify(...args);
    seen(text);
    return text;
  };
  JSON.parse = (text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
    seen(text);
    return parse(text, reviver) as unknown;
  };
  Buffer.prototype.toString = function (this: Buffer, ...args: unknown[]) {
    const text = (toString as (...a: unknown[]) => string).apply(this, args);
    seen(text);
    return text;
  } as typeof toString;
  try {
    return { result: work(), longest };
  } finally {
    JSON.stringify = stringify;
    JSON.parse = parse;
    Buffer.prototype.toString = toString;
  }
}

function written(value: unknown, bound: number): { text: Buffer; index: PieceIndex; pieces: number } {
  const out = writeJsonPieces(value, bound);
  const pieces = [...out.pieces];
  return { text: Buffer.concat(pieces), index: out.index(), pieces: pieces.length };
}

describe('JSON in pieces', () => {
  it('writes exactly the bytes of JSON.stringify, whatever the bound', () => {
    const value = hostileValue(3000);
    const whole = Buffer.from(JSON.stringify(value), 'utf8');
    for (const bound of [64, 1024, 10_000, 1024 * 1024]) {
      const { text, pieces } = written(value, bound);
      expect(text.equals(whole), `bound ${bound}`).to.equal(true);
      if (bound < whole.length) expect(pieces).to.be.greaterThan(whole.length / bound);
    }
  });

  it('reads back what JSON.parse reads, keys in the same order (integer-like keys first)', () => {
    const value = hostileValue(3000);
    const expected = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
    for (const bound of [64, 1024, 10_000]) {
      const { text, index } = written(value, bound);
      const read = parseJsonPieces(text, index) as Record<string, unknown>;
      expect(read).to.deep.equal(expected);
      expect(keyOrder(read)).to.deep.equal(keyOrder(expected));
    }
    const read = parseJsonPieces(written(value, 64).text, written(value, 64).index) as Record<
      string,
      Record<string, unknown>
    >;
    expect(Object.keys(read).slice(0, 2)).to.deep.equal(['2', '10']);
    expect(Object.keys(read.rawReasons!.a!)).to.deep.equal(['2', '10', '100', 'x']);
  });

  it('builds no string longer than the bound while writing and reading a text 500 times as long', () => {
    const value = hostileValue(20_000);
    const whole = JSON.stringify(value);
    expect(whole.length).to.be.greaterThan(500 * 1024);
    const write = longestString(() => written(value, 1024));
    expect(write.longest).to.be.at.most(1024);
    expect(write.result.text.toString('utf8') === whole).to.equal(true);
    const read = longestString(() => parseJsonPieces(write.result.text, write.result.index));
    expect(read.longest).to.be.at.most(1024);
    expect(read.result).to.deep.equal(JSON.parse(whole));
  });

  it('keeps a "__proto__" member as an own property, as JSON.parse does', () => {
    const value = JSON.parse(
      `{"__proto__":${JSON.stringify(Array.from({ length: 200 }, (_, i) => i))},"a":{"__proto__":{"x":1}}}`,
    ) as unknown;
    const { text, index } = written(value, 128);
    const read = parseJsonPieces(text, index) as Record<string, unknown>;
    expect(Object.getPrototypeOf(read)).to.equal(Object.prototype);
    expect(Object.keys(read)).to.deep.equal(['__proto__', 'a']);
    expect(JSON.stringify(read)).to.equal(text.toString('utf8'));
  });

  it('refuses an index that does not describe the text instead of reading another value', () => {
    const { text, index } = written(hostileValue(500), 256);
    const parts = (index as [number, number, PieceIndex[]])[2];
    const broken: unknown[] = [
      [0, text.length - 1, parts],
      [0, text.length, parts.slice(1)],
      [0, text.length, [...parts.slice(0, 2), ...parts.slice(3)]],
      [0, text.length, [parts[1], parts[0], ...parts.slice(2)]],
      [0, text.length, parts.map(([s, e, inner]) => (inner === undefined ? [s, e] : [s + 1, e, inner]))],
      [0, text.length, 'parts'],
      'nothing',
    ];
    for (const bad of broken) expect(() => parseJsonPieces(text, bad)).to.throw(Error);
    expect(() => parseJsonPieces(text, [0, text.length, parts.slice(1)])).to.throw(PieceIndexError);
  });
});
