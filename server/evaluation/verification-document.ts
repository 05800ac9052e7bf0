/**
 * The stored form of the self-vs-verified gaps (the results' optional `verification` section, issue
 * 15): only the communities a street or a third party checked, largest habitual gap first, each
 * with its counts, its median flattering relative gap and every compared indicator and period.
 * Absent when nobody checked anything.
 *
 * @example doc.verification.units[0] // { code, compared: 4, overstated: 3, medianRelativeGap: 0.08, gaps: [...] }
 */
import { relativeGap, type VerificationGaps } from '../engine/context/verification/verification-gaps.js';
import type { Direction } from '../engine/types.js';

type Cell = number | null;

export interface VerifiedGap {
  readonly indicator: string;
  readonly period: string;
  readonly self: number;
  readonly verified: number;
  /** direction × (self − verified) / |verified|: positive flatters the unit; null when verified is 0. */
  readonly relative: Cell;
}

export interface VerifiedUnit {
  readonly code: string;
  readonly compared: number;
  readonly overstated: number;
  readonly understated: number;
  readonly medianRelativeGap: Cell;
  readonly gaps: readonly VerifiedGap[];
}

export interface VerificationDocument {
  /** Checked units, largest median relative gap first (none last), then by code. */
  readonly units: readonly VerifiedUnit[];
}

const cell = (x: number): Cell => (Number.isFinite(x) ? x : null);

function byHabitualGap(a: VerifiedUnit, b: VerifiedUnit): number {
  const ga = a.medianRelativeGap ?? Number.NEGATIVE_INFINITY;
  const gb = b.medianRelativeGap ?? Number.NEGATIVE_INFINITY;
  if (ga !== gb) return gb - ga;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

export function verificationDocument(
  gaps: VerificationGaps,
  codes: readonly string[],
  periods: readonly string[],
  directions: ReadonlyMap<string, Direction>,
): VerificationDocument {
  const units: VerifiedUnit[] = [];
  codes.forEach((code, u) => {
    const compared = gaps.units.compared[u] ?? 0;
    if (compared === 0) return;
    const list: VerifiedGap[] = [];
    for (const [indicator, comparison] of gaps.indicators) {
      periods.forEach((period, p) => {
        const row = p * codes.length + u;
        const self = comparison.self[row] ?? Number.NaN;
        const verified = comparison.verified[row] ?? Number.NaN;
        if (self !== self || verified !== verified) return;
        const direction = directions.get(indicator) ?? 1;
        list.push({
          indicator,
          period,
          self,
          verified,
          relative: cell(relativeGap(self, verified, direction)),
        });
      });
    }
    units.push({
      code,
      compared,
      overstated: gaps.units.overstated[u] ?? 0,
      understated: gaps.units.understated[u] ?? 0,
      medianRelativeGap: cell(gaps.units.medianRelativeGap[u] ?? Number.NaN),
      gaps: list,
    });
  });
  return { units: units.sort(byHabitualGap) };
}
