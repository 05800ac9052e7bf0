/**
 * The few units a ranking filter starts from — one district's units, or the units a search found —
 * put in display order by where each stands in it, so that such a request does not test every unit
 * of the level (at 100,000 communities that scan was about a millisecond per request).
 *
 * @example inDisplayOrder(context, order, key, districtUnits(context, d), keep) // as scanning `order` with keep
 */
import type { ReportContext } from '../context/report-context.js';

/** A district's units of every level (report indexes, ascending), made once per context. */
export function districtUnits(context: ReportContext, district: number): readonly number[] {
  const byDistrict = context.memo('districtUnits', () => {
    const units = new Map<number, number[]>();
    context.units.districts.forEach((of, unit) => {
      const list = units.get(of);
      if (list === undefined) units.set(of, [unit]);
      else list.push(unit);
    });
    return units;
  });
  return byDistrict.get(district) ?? [];
}

/** Where each unit stands in an order (−1: not in it), made once per order (`orderKey` names it). */
function positionsIn(context: ReportContext, order: Int32Array, orderKey: string): Int32Array {
  return context.memo(`positions\n${orderKey}`, () => {
    const at = new Int32Array(context.units.codes.length).fill(-1);
    order.forEach((unit, position) => {
      at[unit] = position;
    });
    return at;
  });
}

/** The candidates that are in `order` and that `keep` keeps, in the order's sequence. */
export function inDisplayOrder(
  context: ReportContext,
  order: Int32Array,
  orderKey: string,
  candidates: readonly number[],
  keep: (unit: number) => boolean,
): Int32Array {
  const at = positionsIn(context, order, orderKey);
  const kept = candidates.filter((unit) => (at[unit] ?? -1) >= 0 && keep(unit));
  kept.sort((a, b) => (at[a] ?? 0) - (at[b] ?? 0));
  return Int32Array.from(kept);
}
