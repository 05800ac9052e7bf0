/**
 * Statistical nearest neighbours (PHE Fingertips' "nearest neighbours", for communities): each unit's
 * k most similar units by the Euclidean distance between their standardised structural attributes
 * (standardise.ts), found exactly with a k-d tree (kd-tree.ts), nearest first, ties by unit order.
 *
 * A unit that lacks one of the chosen attributes is left out, with the attribute named as the
 * reason: it gets no neighbours and is no one's neighbour. Matching it on the attributes it has would
 * measure its distances in another space than everyone else's, so "the 10 most similar" would mean
 * different things for different units. The z-scores are computed over the units that have the
 * attribute.
 *
 * @example
 * const peers = nearestPeers(new Map([['resident_population', Float64Array.of(1000, 1100, 5000)]]), 1);
 * peers.neighbours // [1, 0, 1]: each unit's nearest other unit
 */
import { buildKdTree, nearestOf } from './kd-tree.js';
import { standardise } from './standardise.js';

export interface NearestPeers {
  readonly k: number;
  readonly attributes: readonly string[];
  /** Per attribute, the mean and population standard deviation the z-scores use. */
  readonly means: readonly number[];
  readonly sds: readonly number[];
  /** unitCount × k: the neighbours' unit positions, nearest first (−1: none). */
  readonly neighbours: Int32Array;
  /** unitCount × k: their distances in standard deviations (NaN: none). */
  readonly distances: Float64Array;
  /** Per unit: the position in `attributes` of the first one it lacks, −1 when it has them all. */
  readonly missing: Int32Array;
}

/** `columns` holds each chosen attribute's value per unit (NaN: unknown), in the order to report them. */
export function nearestPeers(columns: ReadonlyMap<string, Float64Array>, k: number): NearestPeers {
  const attributes = [...columns.keys()];
  const raw = [...columns.values()];
  const unitCount = raw[0]?.length ?? 0;
  const dimensions = attributes.length;
  const { values, means, sds } = standardise(raw);
  const missing = new Int32Array(unitCount).fill(-1);
  const points = new Float64Array(unitCount * dimensions);
  const kept: number[] = [];
  for (let u = 0; u < unitCount; u++) {
    for (let d = 0; d < dimensions; d++) {
      const z = values[d]?.[u] ?? Number.NaN;
      if (z !== z) {
        missing[u] = d;
        break;
      }
      points[u * dimensions + d] = z;
    }
    if (missing[u] === -1) kept.push(u);
  }
  const ids = Int32Array.from(kept);
  const keptPoints = new Float64Array(ids.length * dimensions);
  for (let i = 0; i < ids.length; i++) {
    const u = ids[i] ?? 0;
    keptPoints.set(points.subarray(u * dimensions, (u + 1) * dimensions), i * dimensions);
  }
  const tree = buildKdTree(keptPoints, dimensions, ids, unitCount);
  const neighbours = new Int32Array(unitCount * k).fill(-1);
  const distances = new Float64Array(unitCount * k).fill(Number.NaN);
  for (const u of kept) {
    const found = nearestOf(tree, u, k);
    neighbours.set(found.ids, u * k);
    distances.set(found.distances, u * k);
  }
  return { k, attributes, means, sds, neighbours, distances, missing };
}
