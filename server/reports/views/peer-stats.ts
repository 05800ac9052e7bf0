/**
 * A unit's peer group as the engine formed it at the unit's level, and the group's figures the
 * results store per period (server/engine/diagnostics/level-figures.ts): the median and best score of
 * each node, the median raw and normalised value of each indicator, how many units of the group have
 * an index score. Selection only; NaN when the results lack the figure.
 *
 * @example peerMedian(context, 2, 17, 'scores', 'coverage') // median coverage score of unit 17's peers in period 2
 */
import type { CompactFigures } from '../context/compact-results.js';
import type { ReportContext } from '../context/report-context.js';

export type ColumnKind = 'scores' | 'raw' | 'normalised';

interface PeerCell {
  readonly figures: CompactFigures;
  /** The group's row: period × groups + group. */
  readonly groupRow: number;
  readonly row: number;
}

function peerCell(context: ReportContext, period: number, unit: number): PeerCell | undefined {
  const place = context.place(unit);
  const figures = place?.level.figures ?? null;
  if (place === null || figures === null) return undefined;
  const group = figures.peers.unitGroup[place.index] ?? -1;
  if (group < 0) return undefined;
  return { figures, groupRow: period * figures.peers.labels.length + group, row: place.row(period) };
}

/** The engine's name of the unit's peer group ('all' when the level is one group, '' when none). */
export function peerGroupLabel(context: ReportContext, unit: number): string {
  const place = context.place(unit);
  const peers = place?.level.figures?.peers;
  return place === null || peers === undefined
    ? ''
    : (peers.labels[peers.unitGroup[place.index] ?? -1] ?? '');
}

export function peerMedian(
  context: ReportContext,
  period: number,
  unit: number,
  kind: ColumnKind,
  id: string,
): number {
  const at = peerCell(context, period, unit);
  if (at === undefined) return Number.NaN;
  const peers = at.figures.peers;
  const columns =
    kind === 'scores' ? peers.medianScores : kind === 'raw' ? peers.medianRaw : peers.medianNormalised;
  return columns.get(id)?.[at.groupRow] ?? Number.NaN;
}

export function peerBest(context: ReportContext, period: number, unit: number, id: string): number {
  const at = peerCell(context, period, unit);
  return at === undefined ? Number.NaN : (at.figures.peers.bestScores.get(id)?.[at.groupRow] ?? Number.NaN);
}

/** How many units of the unit's peer group have an index score in the period. */
export function peerCount(context: ReportContext, period: number, unit: number): number {
  const at = peerCell(context, period, unit);
  return at === undefined ? Number.NaN : (at.figures.peerTotal[at.row] ?? Number.NaN);
}
