/**
 * The snapshot codec gives back what it was given: every kind of typed array a context holds, as a
 * view of the columns part at a multiple of 8 bytes (no copy), objects shared by two places still
 * shared, Maps, strings, NaN and −0; and it refuses what it cannot keep or a column outside its data.
 */
import { expect } from 'chai';
import { decodeSnapshot, encodeSnapshot } from '../../server/services/snapshot-codec.js';

function roundTrip(value: unknown): { back: unknown; columns: Buffer } {
  const { value: encoded, columns } = encodeSnapshot(value);
  // A fresh buffer of its own, as a file read gives.
  const joined = Buffer.alloc(columns.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of columns) at += piece.copy(joined, at);
  return { back: decodeSnapshot(encoded, joined), columns: joined };
}

describe('services: the report snapshot codec', () => {
  it('gives back every typed array, as an aligned view of the columns part', () => {
    const shared = new Float64Array([1.5, Number.NaN, -0, 1e300]);
    const value = {
      u8: Uint8Array.from([1, 2, 3]),
      i8: Int8Array.from([-1, 2, -3, 4, 5]),
      u16: Uint16Array.from([65535, 1, 7]),
      i16: Int16Array.from([-32768, 3]),
      u32: Uint32Array.from([4294967295]),
      i32: Int32Array.from([-2147483648, 7, 9]),
      f32: Float32Array.from([0.5, -2]),
      f64: Float64Array.from([Math.PI, Number.NaN, Number.NEGATIVE_INFINITY]),
      empty: new Float64Array(0),
      slice: new Float64Array([9, 8, 7, 6, 5]).subarray(1, 4),
      columns: new Map([
        ['index', shared],
        ['again', shared],
      ]),
      text: ['梧阳市', 'Wuyang', ''],
      nested: { shared, none: null, count: 3 },
    };
    const { back, columns } = roundTrip(value);
    expect(back).to.deep.equal(value);
    const typed = back as typeof value;
    for (const array of [
      typed.u8,
      typed.i16,
      typed.i32,
      typed.f32,
      typed.f64,
      typed.slice,
      typed.nested.shared,
    ]) {
      expect(array.buffer).to.equal(columns.buffer);
      expect((array.byteOffset - columns.byteOffset) % 8).to.equal(0);
    }
    expect(typed.slice).to.be.instanceOf(Float64Array);
    expect(Array.from(typed.slice)).to.deep.equal([8, 7, 6]);
    expect(Object.is(typed.nested.shared[2], -0)).to.equal(true);
    expect(typed.columns.get('index')).to.equal(typed.columns.get('again'));
    expect(typed.nested.shared).to.equal(typed.columns.get('index'));
  });

  it('refuses a kind of view it does not keep', () => {
    expect(() => encodeSnapshot({ view: new DataView(new ArrayBuffer(8)) })).to.throw(
      /cannot hold a DataView/,
    );
    expect(() => encodeSnapshot({ big: new BigInt64Array(1) })).to.throw(/cannot hold a BigInt64Array/);
  });

  it('refuses a column that lies outside the columns part', () => {
    const { value, columns } = encodeSnapshot({ a: new Float64Array(16) });
    const joined = Buffer.concat(columns);
    expect(() => decodeSnapshot(value, joined.subarray(0, 64))).to.throw(/outside its data/);
  });
});
