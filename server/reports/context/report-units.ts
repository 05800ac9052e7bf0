/**
 * The units a report talks about: the evaluation's base units (communities and villages, in the
 * results' order) followed by every unit above them in the evaluation's frozen register (streets,
 * districts, the city), with names, levels, parents, children, populations, peer groups, each unit's
 * district and a lower-cased search text. Built once per evaluation.
 *
 * @example
 * const units = reportUnits(['C1', 'C2'], register);
 * units.codes // ['C1', 'C2', 'S1', 'D1'] — base units first, then the units above them
 */
import type { Bilingual } from '../../indicators/definitions.js';
import type { RegisterUnitDocument } from '../../evaluation/register-snapshot.js';
import type { UnitLevel } from '../../domain/unit.js';

export interface ReportUnits {
  /** Report index → code: base units 0 … baseCount − 1 in results order, then inner units. */
  readonly codes: readonly string[];
  readonly baseCount: number;
  readonly index: ReadonlyMap<string, number>;
  readonly names: readonly Bilingual[];
  readonly levels: readonly UnitLevel[];
  /** Report index of the parent, −1 for none. */
  readonly parents: readonly number[];
  readonly children: readonly (readonly number[])[];
  /** Resident population, NaN when unknown. */
  readonly populations: Float64Array;
  /** The engine's peer group; else the peer_group attribute, else urban_rural, else "all". */
  readonly peerGroups: readonly string[];
  /** The same as small integers (positions in peerGroupNames), for fast filtering. */
  readonly peerGroupIds: Int32Array;
  readonly peerGroupNames: readonly string[];
  /** Report index of the district the unit lies in (itself for a district), −1 for none. */
  readonly districts: Int32Array;
  /** For each base unit, the inner indices (report index − baseCount) of every unit above it. */
  readonly ancestors: readonly (readonly number[])[];
  /** Lower-cased code and both names, for search. */
  readonly search: readonly string[];
  /** Report indices per level, in report order. */
  readonly byLevel: ReadonlyMap<UnitLevel, readonly number[]>;
}

function peerGroupOf(unit: RegisterUnitDocument | undefined): string {
  const attributes = unit?.attributes;
  return attributes?.peer_group ?? attributes?.urban_rural ?? 'all';
}

/**
 * `enginePeerGroups` names the peer group the engine put each unit in (by code); units it does not
 * name fall back to their register's peer_group, else urban_rural, else "all".
 */
export function reportUnits(
  baseCodes: readonly string[],
  register: ReadonlyMap<string, RegisterUnitDocument>,
  enginePeerGroups: ReadonlyMap<string, string> = new Map(),
): ReportUnits {
  const codes = [...baseCodes];
  const index = new Map(codes.map((code, i) => [code, i]));
  // Walk up from each base unit, adding the units above it once. A unit an earlier walk added has
  // everything above it added too, so the walk stops there; above a base unit it goes on, guarding
  // against cycles.
  for (const code of baseCodes) {
    let parent = register.get(code)?.parent ?? null;
    let seen: Set<string> | null = null;
    while (parent !== null && register.has(parent)) {
      const at = index.get(parent);
      if (at === undefined) {
        index.set(parent, codes.length);
        codes.push(parent);
      } else if (at >= baseCodes.length) {
        break;
      } else {
        seen ??= new Set([code]);
        if (seen.has(parent)) break;
        seen.add(parent);
      }
      parent = register.get(parent)?.parent ?? null;
    }
  }
  const units = codes.map((code) => register.get(code));
  const parents = units.map((unit) => index.get(unit?.parent ?? '') ?? -1);
  const children: number[][] = codes.map(() => []);
  parents.forEach((parent, i) => {
    if (parent >= 0) children[parent]?.push(i);
  });
  const levels = units.map(
    (unit, i): UnitLevel => unit?.level ?? (i < baseCodes.length ? 'community' : 'street'),
  );
  const ancestorsOf = (i: number): number[] => {
    const found: number[] = [];
    for (let p = parents[i] ?? -1; p >= 0 && found.length < codes.length; p = parents[p] ?? -1) found.push(p);
    return found;
  };
  const districts = Int32Array.from(codes, (_, i) =>
    levels[i] === 'district' ? i : (ancestorsOf(i).find((a) => levels[a] === 'district') ?? -1),
  );
  const peerGroups = units.map((unit, i) => enginePeerGroups.get(codes[i] ?? '') ?? peerGroupOf(unit));
  const peerGroupNames = [...new Set(peerGroups)].sort();
  const peerIndex = new Map(peerGroupNames.map((name, i) => [name, i]));
  const byLevel = new Map<UnitLevel, number[]>();
  levels.forEach((level, i) => {
    const list = byLevel.get(level) ?? [];
    list.push(i);
    byLevel.set(level, list);
  });
  const names = units.map((unit, i) => unit?.name ?? { zh: codes[i] ?? '', en: codes[i] ?? '' });
  return {
    codes,
    baseCount: baseCodes.length,
    index,
    names,
    levels,
    parents,
    children,
    populations: Float64Array.from(units, (unit) => unit?.attributes.resident_population ?? Number.NaN),
    peerGroups,
    peerGroupIds: Int32Array.from(peerGroups, (group) => peerIndex.get(group) ?? -1),
    peerGroupNames,
    districts,
    ancestors: baseCodes.map((_, i) =>
      ancestorsOf(i)
        .filter((a) => a >= baseCodes.length)
        .map((a) => a - baseCodes.length),
    ),
    search: codes.map((code, i) => `${code} ${names[i]?.zh ?? ''} ${names[i]?.en ?? ''}`.toLowerCase()),
    byLevel,
  };
}
