/**
 * The figures report pages show for one level of units (the scored units, or one level of the
 * roll-up) besides diagnose()'s: each indicator's rank within the level, each node's change since the
 * previous period and its distance to the peer-group median, how many units of the level, of each parent and of each peer group have an index
 * score (the "of N" of a rank), the peer groups' medians and bests, the histogram of index scores,
 * and for every unit the indicators whose rise to the peer-group median would lift its rank most
 * (improvements/improvement-options.ts). Peer groups and parents are those diagnose() uses, so the
 * medians here are the medians behind its weakest indicators.
 *
 * @example
 * const figures = levelFigures(input, result, { peerGroup: 'peer_group', aggregation: 'arithmetic' });
 * figures.peers.medianScores.get('index')![period * figures.peers.labels.length + group]
 */
import { groupMedians } from '../numeric/group-order.js';
import { ranksTiesMin } from '../numeric/rank.js';
import type { DiagnoseInput, DiagnoseSource } from './diagnose.js';
import { histogram, type Bin } from './histogram.js';
import { descendingScores } from './improvements/descending-scores.js';
import { improvementOptions } from './improvements/improvement-options.js';
import type { NodeWeights } from './improvements/score-tree.js';

/** How many improvement options are kept per unit and period, the best first. */
export const IMPROVEMENTS_KEPT = 5;

export interface LevelFiguresOptions {
  /** The unit attribute that defines peer groups (as for diagnose); default: one group. */
  readonly peerGroup?: string;
  /** The evaluation's aggregation method, for the what-if scores of the improvements. */
  readonly aggregation: string;
}

export interface PeerFigures {
  /** The peer groups' labels; figures are per period × group (row = period × labels.length + group). */
  readonly labels: readonly string[];
  /** Per unit: its group (a position in `labels`), −1 for none. */
  readonly unitGroup: Int32Array;
  /** Per node: the group's median and best score. */
  readonly medianScores: ReadonlyMap<string, Float64Array>;
  readonly bestScores: ReadonlyMap<string, Float64Array>;
  /** Per indicator: the group's median raw and normalised value. */
  readonly medianRaw: ReadonlyMap<string, Float64Array>;
  readonly medianNormalised: ReadonlyMap<string, Float64Array>;
}

export interface Improvements {
  /** Per row, IMPROVEMENTS_KEPT slots: a position in indicatorIds (−1: none) and its what-if. */
  readonly indicator: Int32Array;
  readonly from: Float64Array;
  readonly to: Float64Array;
  /** The change of the raw value needed to reach the peer median, in the indicator's own unit. */
  readonly rawChange: Float64Array;
  readonly scoreGain: Float64Array;
  readonly newScore: Float64Array;
  readonly newRank: Float64Array;
  readonly rankGain: Float64Array;
}

export interface LevelFigures {
  /** Per indicator: the rank of the normalised value within the level and period (0: none). */
  readonly indicatorRanks: ReadonlyMap<string, Uint32Array>;
  /** Per indicator, per period: how many units of the level have a normalised value. */
  readonly indicatorTotals: ReadonlyMap<string, Uint32Array>;
  /** Per node: the score minus the previous period's (NaN in the first period or without both). */
  readonly changes: ReadonlyMap<string, Float64Array>;
  /** Per node, per row: the score minus the peer group's median score (NaN without both). */
  readonly peerGaps: ReadonlyMap<string, Float64Array>;
  /** Per row: the units with an index score in the period, in the level, the parent and the peer group. */
  readonly levelTotal: Uint32Array;
  readonly parentTotal: Uint32Array;
  readonly peerTotal: Uint32Array;
  readonly peers: PeerFigures;
  /** Per period: the histogram of index scores; per row: the bin of the unit's score (−1: none). */
  readonly bins: readonly (readonly Bin[])[];
  readonly binOf: Int32Array;
  readonly improvements: Improvements;
}

/** Per unit, a group number by label (undefined or '' → −1), and the labels in order of first use. */
function unitGroups(labels: readonly (string | undefined)[]): { groups: Int32Array; names: string[] } {
  const index = new Map<string, number>();
  const groups = Int32Array.from(labels, (label) => {
    if (label === undefined || label === '') return -1;
    let g = index.get(label);
    if (g === undefined) {
      g = index.size;
      index.set(label, g);
    }
    return g;
  });
  return { groups, names: [...index.keys()] };
}

/** Per row, the group number within the period (period × groupCount + group), −1 for none. */
function rowsOf(unitGroup: Int32Array, groupCount: number, periodCount: number): Int32Array {
  const n = unitGroup.length;
  const rows = new Int32Array(n * periodCount);
  for (let p = 0; p < periodCount; p++)
    for (let u = 0; u < n; u++) {
      const g = unitGroup[u] ?? -1;
      rows[p * n + u] = g < 0 ? -1 : p * groupCount + g;
    }
  return rows;
}

/** Per row, how many rows of its group hold a present value. */
function groupTotals(values: Float64Array, groups: Int32Array, groupCount: number): Uint32Array {
  const counts = new Uint32Array(groupCount);
  groups.forEach((g, row) => {
    if (g >= 0 && Number.isFinite(values[row] ?? Number.NaN)) counts[g] = (counts[g] ?? 0) + 1;
  });
  return Uint32Array.from(groups, (g) => (g < 0 ? 0 : (counts[g] ?? 0)));
}

function countPresent(values: Float64Array, from: number, count: number): number {
  let n = 0;
  for (let row = from; row < from + count; row++) if (Number.isFinite(values[row] ?? Number.NaN)) n++;
  return n;
}

function groupBests(values: Float64Array, groups: Int32Array, groupCount: number): Float64Array {
  const best = new Float64Array(groupCount).fill(Number.NaN);
  groups.forEach((g, row) => {
    const v = values[row] ?? Number.NaN;
    if (g >= 0 && Number.isFinite(v) && !((best[g] ?? Number.NaN) >= v)) best[g] = v;
  });
  return best;
}

function byPeriod(
  values: Float64Array,
  unitCount: number,
  periodCount: number,
  rank: (x: Float64Array) => Uint32Array,
): Uint32Array {
  const out = new Uint32Array(values.length);
  for (let p = 0; p < periodCount; p++)
    out.set(rank(values.subarray(p * unitCount, (p + 1) * unitCount)), p * unitCount);
  return out;
}

export function levelFigures(
  input: DiagnoseInput,
  result: DiagnoseSource,
  options: LevelFiguresOptions,
): LevelFigures {
  const { unitCount, rowCount } = result;
  const periodCount = result.periodIds.length;
  const column = (values: ReadonlyMap<string, Float64Array>, id: string): Float64Array =>
    values.get(id) ?? new Float64Array(rowCount).fill(Number.NaN);
  const rootScores = column(result.scores.values, result.root);

  const indicatorRanks = new Map(
    result.indicatorIds.map((id) => [
      id,
      byPeriod(column(result.normalised.values, id), unitCount, periodCount, (x) =>
        ranksTiesMin(x, 'descending'),
      ),
    ]),
  );
  const indicatorTotals = new Map(
    result.indicatorIds.map((id) => {
      const values = column(result.normalised.values, id);
      return [
        id,
        Uint32Array.from(result.periodIds, (_, p) => countPresent(values, p * unitCount, unitCount)),
      ];
    }),
  );
  const changes = new Map(
    result.nodeIds.map((id) => {
      const scores = column(result.scores.values, id);
      const change = new Float64Array(rowCount).fill(Number.NaN);
      for (let row = unitCount; row < rowCount; row++)
        change[row] = (scores[row] ?? Number.NaN) - (scores[row - unitCount] ?? Number.NaN);
      return [id, change];
    }),
  );

  const everyone = rowsOf(new Int32Array(unitCount), 1, periodCount);
  const parents = unitGroups(input.units.parents ?? []);
  const parentRows = rowsOf(
    parents.groups.length === unitCount ? parents.groups : new Int32Array(unitCount).fill(-1),
    parents.names.length,
    periodCount,
  );
  const peerLabels =
    options.peerGroup === undefined
      ? new Array<string>(unitCount).fill('all')
      : (input.units.attributes?.get(options.peerGroup) ?? []);
  const peers = unitGroups(peerLabels);
  const peerCount = peers.names.length;
  const peerRows = rowsOf(peers.groups, peerCount, periodCount);
  const groupCount = peerCount * periodCount;
  const medians = (values: ReadonlyMap<string, Float64Array>, ids: readonly string[]) =>
    new Map(ids.map((id) => [id, groupMedians(column(values, id), peerRows, groupCount)]));
  const peerFigures: PeerFigures = {
    labels: peers.names,
    unitGroup: peers.groups,
    medianScores: medians(result.scores.values, result.nodeIds),
    bestScores: new Map(
      result.nodeIds.map((id) => [id, groupBests(column(result.scores.values, id), peerRows, groupCount)]),
    ),
    medianRaw: medians(result.raw.values, result.indicatorIds),
    medianNormalised: medians(result.normalised.values, result.indicatorIds),
  };

  const peerGaps = new Map(
    result.nodeIds.map((id) => {
      const scores = column(result.scores.values, id);
      const medianOf = peerFigures.medianScores.get(id);
      return [
        id,
        Float64Array.from(scores, (v, row) => {
          const g = peerRows[row] ?? -1;
          return g < 0 ? Number.NaN : v - (medianOf?.[g] ?? Number.NaN);
        }),
      ];
    }),
  );

  const bins: Bin[][] = [];
  const binOf = new Int32Array(rowCount).fill(-1);
  for (let p = 0; p < periodCount; p++) {
    const h = histogram(rootScores.subarray(p * unitCount, (p + 1) * unitCount));
    bins.push([...h.bins]);
    binOf.set(h.binOf, p * unitCount);
  }

  return {
    indicatorRanks,
    indicatorTotals,
    changes,
    peerGaps,
    levelTotal: groupTotals(rootScores, everyone, periodCount),
    parentTotal: groupTotals(rootScores, parentRows, parents.names.length * periodCount),
    peerTotal: groupTotals(rootScores, peerRows, groupCount),
    peers: peerFigures,
    bins,
    binOf,
    improvements: improvementsOf(result, peerFigures, peerRows, options.aggregation),
  };
}

function improvementsOf(
  result: DiagnoseSource,
  peers: PeerFigures,
  peerRows: Int32Array,
  aggregation: string,
): Improvements {
  const { unitCount, rowCount } = result;
  const slots = rowCount * IMPROVEMENTS_KEPT;
  const nan = () => new Float64Array(slots).fill(Number.NaN);
  const out: Improvements = {
    indicator: new Int32Array(slots).fill(-1),
    from: nan(),
    to: nan(),
    rawChange: nan(),
    scoreGain: nan(),
    newScore: nan(),
    newRank: nan(),
    rankGain: nan(),
  };
  const weights: Record<string, { children: readonly string[]; weights: readonly number[] }> = {};
  for (const [node, spec] of result.weights)
    weights[node] = { children: spec.children, weights: Array.from(spec.weights) };
  const nodeWeights: NodeWeights = weights;
  const indicatorIndex = new Map(result.indicatorIds.map((id, i) => [id, i]));
  const scores = result.scores.values.get(result.root);
  const ranks = result.ranks.get(result.root);
  const periodCount = result.periodIds.length;
  for (let p = 0; p < periodCount; p++) {
    const ranking = descendingScores(
      scores ?? new Float64Array(0),
      Array.from({ length: unitCount }, (_, u) => p * unitCount + u),
    );
    for (let u = 0; u < unitCount; u++) {
      const row = p * unitCount + u;
      const group = peerRows[row] ?? -1;
      if (group < 0) continue;
      const options = improvementOptions({
        weights: nodeWeights,
        order: result.nodeIds,
        root: result.root,
        method: aggregation,
        indicators: result.indicatorIds,
        normalised: (id) => result.normalised.values.get(id)?.[row] ?? Number.NaN,
        peerMedian: (id) => peers.medianNormalised.get(id)?.[group] ?? Number.NaN,
        score: scores?.[row] ?? Number.NaN,
        rank: (ranks?.[row] ?? 0) > 0 ? (ranks?.[row] ?? Number.NaN) : Number.NaN,
        ranking,
      });
      options.slice(0, IMPROVEMENTS_KEPT).forEach((option, slot) => {
        const at = row * IMPROVEMENTS_KEPT + slot;
        const rawMedian = peers.medianRaw.get(option.indicator)?.[group] ?? Number.NaN;
        const rawNow = result.raw.values.get(option.indicator)?.[row] ?? Number.NaN;
        out.indicator[at] = indicatorIndex.get(option.indicator) ?? -1;
        out.from[at] = option.from;
        out.to[at] = option.to;
        out.rawChange[at] = rawMedian - rawNow;
        out.scoreGain[at] = option.scoreGain;
        out.newScore[at] = option.newScore;
        out.newRank[at] = option.newRank;
        out.rankGain[at] = option.rankGain;
      });
    }
  }
  return out;
}
