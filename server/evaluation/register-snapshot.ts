/**
 * The unit register frozen into an evaluation's results: every unit's code, names, level, parent and
 * the attributes the engine and the reports read (resident population for the roll-up, peer group
 * and urban/rural for peer groups). Reports, exports and viewers' unit scopes read this copy, so a
 * published evaluation keeps the names and tree it was computed with when units are later renamed or
 * moved.
 *
 * @example registerSnapshot(await store.units.list())[0] // { code: 'WY', name: {…}, level: 'city', parent: null, attributes: {…} }
 */
import type { Unit, UnitAttributes } from '../store/models/unit.js';

export interface RegisterUnitDocument {
  readonly code: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly level: Unit['level'];
  readonly parent: string | null;
  readonly attributes: Pick<UnitAttributes, 'resident_population' | 'peer_group' | 'urban_rural'>;
}

export function registerSnapshot(units: readonly Unit[]): RegisterUnitDocument[] {
  return units.map((unit) => {
    const { resident_population, peer_group, urban_rural } = unit.attributes;
    return {
      code: unit.code,
      name: { zh: unit.name.zh, en: unit.name.en },
      level: unit.level,
      parent: unit.parent,
      attributes: {
        ...(resident_population === undefined ? {} : { resident_population }),
        ...(peer_group === undefined ? {} : { peer_group }),
        ...(urban_rural === undefined ? {} : { urban_rural }),
      },
    };
  });
}
