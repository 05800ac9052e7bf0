/**
 * Who evaluates, in the demo (issue 15): in 2025 the streets of two districts (WY01, WY03) checked
 * every other community's flattering counts (and their denominators). The checked figures are the demo's true values; those
 * communities' own reports overstate a few flattering counts by small, deterministic amounts
 * (0 to 8 %, never above their denominator). The evaluation prefers the street's figures, so its
 * index numbers are the same as before the demo had checks; the gaps show on the pages.
 *
 * @example demoChecks(city.observations) // { selfReported: [...], checked: [...] }
 */
import type { DemoObservation } from './demo-city.js';

export const CHECKED_PERIOD = '2025';
const CHECKED_DISTRICTS = ['WY01', 'WY03'];

/** A flattering count and the denominator it cannot exceed (null: none). */
const FLATTERING: readonly (readonly [string, string | null])[] = [
  ['households_in_grids', 'households'],
  ['requests_resolved', 'requests_received'],
  ['satisfied_ratings', 'ratings'],
  ['households_contacted', 'households'],
  ['services_online', 'services_total'],
  ['active_volunteers', null],
];

function checked(o: DemoObservation): boolean {
  const community = Number(o.unit.slice(-2));
  return (
    o.period === CHECKED_PERIOD &&
    CHECKED_DISTRICTS.includes(o.unit.slice(0, 4)) &&
    Number.isInteger(community) &&
    community % 2 === 0
  );
}

/** The own report of a checked community: a small overstatement growing with its code, 0 for every fifth. */
function overstated(o: DemoObservation): DemoObservation {
  const n = Number(o.unit.slice(-2)) + Number(o.unit.slice(5, 7));
  const factor = 1 + 0.02 * (n % 5);
  const values: Record<string, number | null> = { ...o.values };
  for (const [name, cap] of FLATTERING) {
    const value = o.values[name];
    if (value === null || value === undefined) continue;
    const limit = (cap === null ? null : o.values[cap]) ?? Number.POSITIVE_INFINITY;
    values[name] = Math.max(value, Math.min(Math.round(value * factor), limit));
  }
  return { ...o, values };
}

export interface DemoChecks {
  /** Every observation as the communities reported it (checked ones overstated). */
  readonly selfReported: readonly DemoObservation[];
  /** The streets' figures for the communities they checked (the true values). */
  readonly checked: readonly DemoObservation[];
}

/** What a street recounts: the flattering counts and their denominators, not the whole form. */
const RECOUNTED = new Set(FLATTERING.flatMap(([name, cap]) => (cap === null ? [name] : [name, cap])));

function recounted(o: DemoObservation): DemoObservation {
  return {
    ...o,
    values: Object.fromEntries(Object.entries(o.values).filter(([name]) => RECOUNTED.has(name))),
  };
}

export function demoChecks(observations: readonly DemoObservation[]): DemoChecks {
  return {
    selfReported: observations.map((o) => (checked(o) ? overstated(o) : o)),
    checked: observations.filter(checked).map(recounted),
  };
}
