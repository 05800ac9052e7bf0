/**
 * JSON written and read in pieces: the bytes are exactly JSON.stringify's, the value read back is
 * JSON.parse's (keys in the same order), and with a small bound no string longer than the bound
 * is built on either side, however long the whole text.
 */
import { expect } from 'chai';
import {
  jsonBytes,
  parseJsonPieces,
  PieceIndexError,
  writeJsonPieces,
  type PieceIndex,
} from '../../../server/store/documents/json-pieces.js';
import { hostileValue, keyOrder } from './hostile-json.js';

/** Runs `work` with JSON.stringify, JSON.parse and Buffer#toString reporting the longest string they made or took. */
function longestString<T>(work: () => T): { result: T; longest: number } {
  const { stringify, parse } = JSON;
  const buffers = Buffer.prototype as unknown as { toString: (...args: unknown[]) => string };
  const toString = buffers.toString;
  let longest = 0;
  const seen = (text: unknown): void => {
    if (typeof text === 'string') longest = Math.max(longest, text.length);
  };
  JSON.stringify = ((...args: Parameters<typeof stringify>) => {
    const text = stringify(...args);
    seen(text);
    return text;
  }) as typeof stringify;
  JSON.parse = (text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
    seen(text);
    return parse(text, reviver) as unknown;
  };
  buffers.toString = function (this: Buffer, ...args: unknown[]) {
    const text = toString.apply(this, args);
    seen(text);
    return text;
  };
  try {
    return { result: work(), longest };
  } finally {
    JSON.stringify = stringify;
    JSON.parse = parse;
    buffers.toString = toString;
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
      expect(jsonBytes(value, bound).equals(whole), `bound ${bound}`).to.equal(true);
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
