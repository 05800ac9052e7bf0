/**
 * Peer groups of a report: the units of the same level sharing a peer group, and per period and
 * column their median and best value, each computed once per context (memo).
 *
 * @example peerMedian(context, 2, 17, 'scores', 'coverage') // median coverage score of unit 17's peers in period 2
 */
import { median } from '../compute/median.js';
import type { ReportContext } from '../context/report-context.js';

export type ColumnKind = 'scores' | 'raw' | 'normalised';

export function peerMembers(context: ReportContext, unit: number): readonly number[] {
  const { units } = context;
  const level = units.levels[unit] ?? 'community';
  const group = units.peerGroups[unit] ?? 'all';
  return context.memo(`peers\n${level}\n${group}`, () =>
    (units.byLevel.get(level) ?? []).filter((u) => units.peerGroups[u] === group),
  );
}

/**
 * The figures computed so far for a unit's peer group in a period, by column id: one small map per
 * statistic, period, level, group and kind, so a page's many look-ups build no long keys.
 */
function known(
  context: ReportContext,
  statistic: 'median' | 'best',
  period: number,
  unit: number,
  kind: ColumnKind,
): Map<string, number> {
  const { units } = context;
  const key = `peer ${statistic}\n${period}\n${units.levels[unit] ?? ''}\n${units.peerGroups[unit] ?? ''}\n${kind}`;
  return context.memo(key, () => new Map<string, number>());
}

function peerValues(
  context: ReportContext,
  period: number,
  unit: number,
  kind: ColumnKind,
  id: string,
): number[] {
  const values = context.period(period)[kind].get(id);
  return peerMembers(context, unit).map((u) => values?.[u] ?? Number.NaN);
}

export function peerMedian(
  context: ReportContext,
  period: number,
  unit: number,
  kind: ColumnKind,
  id: string,
): number {
  const medians = known(context, 'median', period, unit, kind);
  let value = medians.get(id);
  if (value === undefined) {
    value = median(peerValues(context, period, unit, kind, id));
    medians.set(id, value);
  }
  return value;
}

export function peerBest(
  context: ReportContext,
  period: number,
  unit: number,
  kind: ColumnKind,
  id: string,
): number {
  const bests = known(context, 'best', period, unit, kind);
  let value = bests.get(id);
  if (value === undefined) {
    value = Number.NaN;
    for (const v of peerValues(context, period, unit, kind, id))
      if (Number.isFinite(v) && !(v <= value)) value = v;
    bests.set(id, value);
  }
  return value;
}
