/**
 * Reads what an evaluation needs from the store and lays it out for the engine: the base units
 * (communities and villages) with their attributes, and one Float64Array per framework variable
 * and period (NaN where a community reported nothing). Also fingerprints the data used, so an
 * evaluation can say exactly which committed batches it rests on.
 */
import { createHash } from 'node:crypto';
import type { EnginePeriod, EngineUnits, Settlement } from '../engine/types.js';
import type { ResolvedFramework } from '../indicators/registry-types.js';
import type { StoredUnit } from '../store/models/unit.js';
import type { Store } from '../store/store.js';
import { ValidationError } from '../errors.js';

export interface EngineData {
  readonly baseUnits: readonly StoredUnit[];
  /** Every current unit, all levels, for roll-up and labels. */
  readonly allUnits: readonly StoredUnit[];
  readonly units: EngineUnits;
  readonly periods: readonly EnginePeriod[];
  /** sha256 over the (unit, period, batch, sequence) of every observation used. */
  readonly fingerprint: string;
}

function engineUnits(units: readonly StoredUnit[], allUnits: readonly StoredUnit[]): EngineUnits {
  const text = (name: string): (string | undefined)[] =>
    units.map((u) => {
      const value = u.attributes[name];
      return value === undefined ? undefined : String(value);
    });
  return {
    codes: units.map((u) => u.code),
    attributes: new Map([
      ['urban_rural', text('urban_rural')],
      ['peer_group', text('peer_group')],
      ['parent', units.map((u) => u.parent ?? undefined)],
    ]),
    population: Float64Array.from(units, (u) => u.attributes.resident_population ?? Number.NaN),
    parents: units.map((u) => u.parent ?? undefined),
    ancestors: new Map(
      allUnits
        .filter((u) => u.level !== 'community' && u.parent !== null)
        .map((u) => [u.code, u.parent ?? '']),
    ),
    settlement: units.map((u): Settlement | undefined => u.attributes.urban_rural),
    level: 'community',
  };
}

export async function loadEngineData(
  store: Store,
  framework: ResolvedFramework,
  periodIds: readonly string[],
): Promise<EngineData> {
  if (periodIds.length === 0) throw new ValidationError('an evaluation needs at least one period');
  const allUnits = await store.units.list();
  const baseUnits = allUnits.filter((u) => u.level === 'community');
  if (baseUnits.length === 0) {
    throw new ValidationError('no communities or villages in the store: import the unit register first');
  }
  const index = new Map(baseUnits.map((u, i) => [u.code, i]));
  const hash = createHash('sha256');
  const periods: EnginePeriod[] = [];
  for (const period of periodIds) {
    const variables = new Map(
      framework.variables.map((v) => [v.name, new Float64Array(baseUnits.length).fill(Number.NaN)]),
    );
    const observations = await store.observations.current({ period });
    if (observations.length === 0) {
      throw new ValidationError(`no committed observations for period ${period}: import its data first`);
    }
    for (const o of observations) {
      const row = index.get(o.unit);
      if (row === undefined) continue;
      hash.update(`${o.unit}\t${o.period}\t${o.batch}\t${o.sequence}\n`);
      for (const [name, value] of Object.entries(o.values)) {
        const column = variables.get(name);
        if (column !== undefined) column[row] = value;
      }
    }
    periods.push({ id: period, variables });
  }
  return {
    baseUnits,
    allUnits,
    units: engineUnits(baseUnits, allUnits),
    periods,
    fingerprint: hash.digest('hex'),
  };
}
