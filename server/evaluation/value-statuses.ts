/**
 * The status of every indicator value an evaluation used (issue 15): self-reported (not reviewed),
 * confirmed, checked by the street or by a third party. An indicator takes the most checked status
 * among the inputs its formula read (third party, then street, then confirmed, then self), so a
 * reader sees at a glance which values rest on the community's word alone. Stored sparsely: per
 * period and unit only the indicators whose status is not plain `self`, and `*` when all of a
 * unit's indicators share one status (a whole confirmed batch stays small).
 *
 * @example indicatorStatuses(indicators, observations)['2025']['WY01S01C00'] // { '*': 'street' }
 */
import type { ValueStatus } from '../domain/data-source.js';
import type { Observation } from '../store/models/observation.js';

export type IndicatorStatuses = Readonly<
  Record<string, Readonly<Record<string, Readonly<Record<string, ValueStatus>>>>>
>;

const RANK: Readonly<Record<ValueStatus, number>> = {
  returned: 0,
  self: 1,
  confirmed: 2,
  street: 3,
  third_party: 4,
};

interface Inputs {
  readonly id: string;
  readonly inputs: readonly string[];
}

function unitStatuses(indicators: readonly Inputs[], o: Observation): Record<string, ValueStatus> {
  const origins = o.origins ?? {};
  const out: Record<string, ValueStatus> = {};
  for (const { id, inputs } of indicators) {
    let best: ValueStatus = 'self';
    for (const name of inputs) {
      const status = origins[name]?.status;
      if (status !== undefined && RANK[status] > RANK[best]) best = status;
    }
    if (best !== 'self') out[id] = best;
  }
  const distinct = new Set(Object.values(out));
  const [only] = distinct;
  if (distinct.size === 1 && only !== undefined && Object.keys(out).length === indicators.length)
    return { '*': only };
  return out;
}

/** Per period and unit, the statuses that are not plain self-reported; units with none are left out. */
export function indicatorStatuses(
  indicators: readonly Inputs[],
  periods: ReadonlyMap<string, readonly Observation[]>,
): IndicatorStatuses {
  const out: Record<string, Record<string, Record<string, ValueStatus>>> = {};
  for (const [period, observations] of periods) {
    const units: Record<string, Record<string, ValueStatus>> = {};
    for (const o of observations) {
      const statuses = unitStatuses(indicators, o);
      if (Object.keys(statuses).length > 0) units[o.unit] = statuses;
    }
    out[period] = units;
  }
  return out;
}

/** The status of one indicator value from the stored section (`self` where nothing is recorded). */
export function statusOf(
  statuses: IndicatorStatuses,
  period: string,
  unit: string,
  indicator: string,
): ValueStatus {
  const row = statuses[period]?.[unit];
  return row?.[indicator] ?? row?.['*'] ?? 'self';
}
