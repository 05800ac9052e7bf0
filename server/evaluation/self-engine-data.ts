/**
 * What a self-evaluation reads: one community and its own observations in the chosen periods,
 * laid out for the engine as a one-unit input. No other unit's data is read, so nothing about
 * other communities can reach the figures (the normalisation is goalposts, self-choices.ts).
 * The unit's parent is left out on purpose: no rank within a parent or a peer group is made.
 */
import type { EnginePeriod, EngineUnits } from '../engine/types.js';
import { ValidationError } from '../errors.js';
import type { ResolvedFramework } from '../indicators/registry-types.js';
import type { StoredUnit } from '../store/models/unit.js';
import type { Store } from '../store/store.js';

export interface SelfEngineData {
  readonly unit: StoredUnit;
  readonly units: EngineUnits;
  readonly periods: readonly EnginePeriod[];
}

function oneUnit(unit: StoredUnit): EngineUnits {
  const text = (name: string): (string | undefined)[] => {
    const value = unit.attributes[name];
    return [value === undefined ? undefined : String(value)];
  };
  return {
    codes: [unit.code],
    attributes: new Map([
      ['urban_rural', text('urban_rural')],
      ['peer_group', text('peer_group')],
    ]),
    population: Float64Array.of(unit.attributes.resident_population ?? Number.NaN),
    settlement: [unit.attributes.urban_rural],
    level: 'community',
  };
}

export async function loadSelfEngineData(
  store: Store,
  framework: ResolvedFramework,
  code: string,
  periodIds: readonly string[],
): Promise<SelfEngineData> {
  const unit = await store.units.get(code);
  if (unit?.level !== 'community') {
    throw new ValidationError({
      zh: `单位 ${code} 不是名册中的社区或村，无法自评`,
      en: `unit ${code} is not a community or village of the register: it cannot assess itself`,
    });
  }
  const periods: EnginePeriod[] = [];
  for (const period of periodIds) {
    const variables = new Map(framework.variables.map((v) => [v.name, Float64Array.of(Number.NaN)]));
    for (const o of await store.observations.current({ period, units: [code] })) {
      if (o.unit !== code) continue;
      for (const [name, value] of Object.entries(o.values)) {
        const cell = variables.get(name);
        if (cell !== undefined) cell[0] = value;
      }
    }
    periods.push({ id: period, variables });
  }
  return { unit, units: oneUnit(unit), periods };
}
