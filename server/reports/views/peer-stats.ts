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

function column(
  context: ReportContext,
  period: number,
  kind: ColumnKind,
  id: string,
): Float64Array | undefined {
  return context.period(period)[kind].get(id);
}

export function peerMedian(
  context: ReportContext,
  period: number,
  unit: number,
  kind: ColumnKind,
  id: string,
): number {
  const { units } = context;
  const key = `peerMedian\n${period}\n${units.levels[unit] ?? ''}\n${units.peerGroups[unit] ?? ''}\n${kind}\n${id}`;
  return context.memo(key, () => {
    const values = column(context, period, kind, id);
    return median(peerMembers(context, unit).map((u) => values?.[u] ?? Number.NaN));
  });
}

export function peerBest(
  context: ReportContext,
  period: number,
  unit: number,
  kind: ColumnKind,
  id: string,
): number {
  const { units } = context;
  const key = `peerBest\n${period}\n${units.levels[unit] ?? ''}\n${units.peerGroups[unit] ?? ''}\n${kind}\n${id}`;
  return context.memo(key, () => {
    const values = column(context, period, kind, id);
    let best = Number.NaN;
    for (const u of peerMembers(context, unit)) {
      const v = values?.[u] ?? Number.NaN;
      if (Number.isFinite(v) && !(v <= best)) best = v;
    }
    return best;
  });
}
