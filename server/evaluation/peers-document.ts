/**
 * The statistical peer groups of an evaluation as its results store them (the optional `peers`
 * section): the definition (k, the attributes with the mean and standard deviation their z-scores
 * used), every community's neighbours nearest first with their distances, the attribute that left a
 * community out, and per node and row the median and best score over the community and its
 * neighbours with the community's gap to that median (server/engine/context/peers/). The numeric
 * attributes come from the unit register; urban/rural counts as urban 1, rural 0.
 *
 * @example peersDocument(baseUnits, result, { method: 'nearest', k: 10, attributes: ['resident_population'] })
 */
import { nearestPeers } from '../engine/context/peers/nearest-peers.js';
import { neighbourFigures } from '../engine/context/peers/neighbour-figures.js';
import type { EngineResult } from '../engine/result.js';
import type { Unit } from '../store/models/unit.js';
import type { Cell } from './results-document.js';

export interface PeersDocument {
  readonly method: 'nearest';
  readonly k: number;
  readonly attributes: readonly string[];
  readonly means: readonly Cell[];
  readonly sds: readonly Cell[];
  /** units × k: positions in the results' `units`, nearest first (−1: none). */
  readonly neighbours: readonly number[];
  /** units × k: distances in standard deviations. */
  readonly distances: readonly Cell[];
  /** Per unit: the attribute it lacks (so it has no neighbours), or null. */
  readonly missing: readonly (string | null)[];
  /** Per node, per row (period × unit): over the unit and its neighbours. */
  readonly median: Readonly<Record<string, readonly Cell[]>>;
  readonly best: Readonly<Record<string, readonly Cell[]>>;
  readonly gap: Readonly<Record<string, readonly Cell[]>>;
}

const cell = (v: number): Cell => (Number.isFinite(v) ? v : null);

function attributeValue(unit: Unit, name: string): number {
  const value = unit.attributes[name];
  if (name === 'urban_rural') return value === 'urban' ? 1 : value === 'rural' ? 0 : Number.NaN;
  return typeof value === 'number' ? value : Number.NaN;
}

/** The numeric attributes every community carries. */
export function completeAttributes(units: readonly Unit[]): string[] {
  return numericAttributes(units).filter((name) =>
    units.every((u) => !Number.isNaN(attributeValue(u, name))),
  );
}

/** The numeric attributes the communities carry (urban_rural among them when any unit has it). */
export function numericAttributes(units: readonly Unit[]): string[] {
  const names = new Set<string>();
  for (const unit of units)
    for (const [name, value] of Object.entries(unit.attributes))
      if (typeof value === 'number' || name === 'urban_rural') names.add(name);
  return [...names].sort();
}

export function peersDocument(
  units: readonly Unit[],
  result: Pick<EngineResult, 'nodeIds' | 'scores' | 'unitCount' | 'periodIds'>,
  choice: { readonly k: number; readonly attributes: readonly string[] },
): PeersDocument {
  const columns = new Map(
    choice.attributes.map((name) => [name, Float64Array.from(units, (u) => attributeValue(u, name))]),
  );
  const peers = nearestPeers(columns, choice.k);
  const median: Record<string, Cell[]> = {};
  const best: Record<string, Cell[]> = {};
  const gap: Record<string, Cell[]> = {};
  for (const id of result.nodeIds) {
    const scores = result.scores.values.get(id);
    if (scores === undefined) continue;
    const f = neighbourFigures(scores, peers.neighbours, choice.k, result.unitCount, result.periodIds.length);
    median[id] = Array.from(f.median, cell);
    best[id] = Array.from(f.best, cell);
    gap[id] = Array.from(f.gap, cell);
  }
  return {
    method: 'nearest',
    k: choice.k,
    attributes: peers.attributes,
    means: peers.means.map(cell),
    sds: peers.sds.map(cell),
    neighbours: Array.from(peers.neighbours),
    distances: Array.from(peers.distances, cell),
    missing: Array.from(peers.missing, (m) => (m < 0 ? null : (peers.attributes[m] ?? null))),
    median,
    best,
    gap,
  };
}
