import { expect } from 'chai';
import { buildKdTree, nearestOf } from '../../../../server/engine/context/peers/kd-tree.js';
import { nearestPeers } from '../../../../server/engine/context/peers/nearest-peers.js';
import { standardise } from '../../../../server/engine/context/peers/standardise.js';

const close = (actual: ArrayLike<number>, expected: readonly number[]): void => {
  expect(actual.length).to.equal(expected.length);
  expected.forEach((e, i) => expect(actual[i]).to.be.closeTo(e, 1e-4));
};

describe('engine peers: standardise', () => {
  it('turns each attribute into z-scores with the population standard deviation', () => {
    // 0, 0, 2, 2: mean 1, variance ((1 + 1 + 1 + 1) / 4) = 1 → z = −1, −1, 1, 1.
    const { values, means, sds } = standardise([Float64Array.of(0, 0, 2, 2)]);
    expect(Array.from(values[0] ?? [])).to.deep.equal([-1, -1, 1, 1]);
    expect(means).to.deep.equal([1]);
    expect(sds).to.deep.equal([1]);
  });
  it('leaves a missing value missing and computes mean and sd without it', () => {
    // 1, NaN, 3: mean 2, sd 1 → −1, NaN, 1.
    const z = standardise([Float64Array.of(1, Number.NaN, 3)]).values[0] ?? new Float64Array();
    expect(z[0]).to.equal(-1);
    expect(Number.isNaN(z[1])).to.equal(true);
    expect(z[2]).to.equal(1);
  });
  it('gives an attribute every unit shares z = 0 everywhere', () => {
    expect(Array.from(standardise([Float64Array.of(5, 5, 5)]).values[0] ?? [])).to.deep.equal([0, 0, 0]);
  });
});

describe('engine peers: nearest neighbours', () => {
  it('finds the nearest units on one standardised attribute, nearest first', () => {
    // Population 100, 200, 300, 400, 1000: mean 400, squares 90000 + 40000 + 10000 + 0 + 360000 =
    // 500000, variance 100000, sd 316.228. Unit 3 (400): 300 at 100 / 316.228 = 0.3162, 200 at 0.6325.
    // Unit 4 (1000): 400 at 600 / 316.228 = 1.8974, 300 at 700 / 316.228 = 2.2136.
    const peers = nearestPeers(
      new Map([['resident_population', Float64Array.of(100, 200, 300, 400, 1000)]]),
      2,
    );
    expect(Array.from(peers.neighbours.subarray(6, 10))).to.deep.equal([2, 1, 3, 2]);
    close(peers.distances.subarray(6, 10), [0.3162, 0.6325, 1.8974, 2.2136]);
    // Unit 0 (100): 200 at 0.3162, 300 at 0.6325.
    expect(Array.from(peers.neighbours.subarray(0, 2))).to.deep.equal([1, 2]);
  });
  it('combines attributes by Euclidean distance and breaks ties by unit order', () => {
    // z(population) = −1, −1, 1, 1; z(area) = −1, 1, −1, 1 (both: mean of two values ±1, sd 1).
    // From unit 0 at (−1, −1): unit 1 at (−1, 1) is 2 away, unit 2 at (1, −1) is 2 away, unit 3 is
    // √8 = 2.8284 away. Units 1 and 2 tie; unit 1 comes first.
    const peers = nearestPeers(
      new Map([
        ['resident_population', Float64Array.of(0, 0, 2, 2)],
        ['area_km2', Float64Array.of(1, 3, 1, 3)],
      ]),
      1,
    );
    expect(Array.from(peers.neighbours)).to.deep.equal([1, 0, 0, 1]);
    close(peers.distances, [2, 2, 2, 2]);
    const three = nearestPeers(
      new Map([
        ['resident_population', Float64Array.of(0, 0, 2, 2)],
        ['area_km2', Float64Array.of(1, 3, 1, 3)],
      ]),
      3,
    );
    expect(Array.from(three.neighbours.subarray(0, 3))).to.deep.equal([1, 2, 3]);
    close(three.distances.subarray(0, 3), [2, 2, Math.sqrt(8)]);
  });
  it('leaves out a unit lacking an attribute, naming the attribute, and matches no one to it', () => {
    // Area of unit 1 unknown: units 0, 2, 3 have area 1, 2, 10 and equal populations.
    const peers = nearestPeers(
      new Map([
        ['resident_population', Float64Array.of(5, 5, 5, 5)],
        ['area_km2', Float64Array.of(1, Number.NaN, 2, 10)],
      ]),
      1,
    );
    expect(Array.from(peers.missing)).to.deep.equal([-1, 1, -1, -1]);
    expect(Array.from(peers.neighbours)).to.deep.equal([2, -1, 0, 2]);
  });
  it('gives fewer neighbours when fewer units exist', () => {
    const peers = nearestPeers(new Map([['x', Float64Array.of(1, 2)]]), 3);
    expect(Array.from(peers.neighbours)).to.deep.equal([1, -1, -1, 0, -1, -1]);
  });
});

describe('engine peers: k-d tree', () => {
  it('finds the same neighbours as a full scan, ties by id, on 3,000 points with repeated coordinates', () => {
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const n = 3000;
    const dims = 3;
    // Coarse coordinates (whole numbers 0–9, and 0/1 on the second axis) make many exact ties.
    const points = Float64Array.from({ length: n * dims }, (_, i) =>
      i % dims === 1 ? Math.floor(next() * 2) : Math.floor(next() * 10),
    );
    const ids = Int32Array.from({ length: n }, (_, i) => i);
    const tree = buildKdTree(points, dims, ids);
    const k = 7;
    for (let q = 0; q < n; q += 37) {
      const scan = [...ids]
        .filter((id) => id !== q)
        .map((id) => {
          let d2 = 0;
          for (let d = 0; d < dims; d++)
            d2 += ((points[id * dims + d] ?? 0) - (points[q * dims + d] ?? 0)) ** 2;
          return { id, d2 };
        })
        .sort((a, b) => a.d2 - b.d2 || a.id - b.id)
        .slice(0, k);
      const found = nearestOf(tree, q, k);
      expect(Array.from(found.ids), `query ${q}`).to.deep.equal(scan.map((s) => s.id));
    }
  });
});
