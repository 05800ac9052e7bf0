/**
 * Reads what an evaluation needs from the store and lays it out for the engine: the base units
 * (communities and villages) with their attributes, and one Float64Array per framework variable
 * and period (NaN where a community reported nothing). Also fingerprints the data used, so an
 * evaluation can say exactly which committed batches it rests on. Only the sources the evaluation
 * counts are read, each value from the most preferred one (source-order.ts); where streets or third
 * parties checked communities, their figures and the communities' own are also laid out side by
 * side for the self-vs-verified gaps.
 */
import { createHash } from 'node:crypto';
import type { EnginePeriod, EngineUnits, Settlement } from '../engine/types.js';
import type { ResolvedFramework } from '../indicators/registry-types.js';
import { DEFAULT_SOURCE_ORDER, type DataSource } from '../domain/data-source.js';
import type { Observation } from '../store/models/observation.js';
import type { StoredUnit } from '../store/models/unit.js';
import type { Store } from '../store/store.js';
import { ValidationError } from '../errors.js';
import { engineColumn, shareWork, startEngineThreads } from '../engine/parallel/pool.js';
import { unitCodeIndex } from '../engine/validate-input.js';

export interface EngineData {
  readonly baseUnits: readonly StoredUnit[];
  /** Every current unit, all levels, for roll-up and labels. */
  readonly allUnits: readonly StoredUnit[];
  readonly units: EngineUnits;
  readonly periods: readonly EnginePeriod[];
  /** sha256 over the (unit, period, batch, sequence) of every observation used. */
  readonly fingerprint: string;
  /** The sources that counted, most preferred first. */
  readonly sources: readonly DataSource[];
  /**
   * Per period, the community's own figures and the checked ones (street or third party) side by
   * side, for the self-vs-verified gaps; absent when no period has any checked figure.
   */
  readonly verification?: VerificationData;
  /** Per period, the current observations read (with each value's origin), base units only. */
  readonly observations: ReadonlyMap<string, readonly Observation[]>;
}

export interface VerificationData {
  readonly self: readonly EnginePeriod[];
  readonly verified: readonly EnginePeriod[];
}

function engineUnits(
  units: readonly StoredUnit[],
  codes: readonly string[],
  allUnits: readonly StoredUnit[],
): EngineUnits {
  const text = (name: string): (string | undefined)[] =>
    units.map((u) => {
      const value = u.attributes[name];
      return value === undefined ? undefined : String(value);
    });
  return {
    codes,
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

/** One Float64Array per framework variable (NaN where nothing was reported), from these observations. */
function columnsOf(
  framework: ResolvedFramework,
  index: ReadonlyMap<string, number>,
  observations: readonly Observation[],
  onRow: (o: Observation) => void = () => undefined,
): Map<string, Float64Array> {
  const variables = new Map(
    // On shared memory for a large frame, so that the engine's threads read them without a copy.
    framework.variables.map((v) => [v.name, engineColumn(index.size).fill(Number.NaN)]),
  );
  for (const o of observations) {
    const row = index.get(o.unit);
    if (row === undefined) continue;
    onRow(o);
    for (const [name, value] of Object.entries(o.values)) {
      const column = variables.get(name);
      if (column !== undefined) column[row] = value;
    }
  }
  return variables;
}

/** The batches a merged row drew on besides its own (none for data of one source, as before). */
function otherBatches(o: Observation): string[] {
  const batches = new Set(Object.values(o.origins ?? {}).map((origin) => origin.batch));
  batches.delete(o.batch);
  return [...batches].sort();
}

async function verificationData(
  store: Store,
  framework: ResolvedFramework,
  index: ReadonlyMap<string, number>,
  periodIds: readonly string[],
): Promise<VerificationData | undefined> {
  const self: EnginePeriod[] = [];
  const verified: EnginePeriod[] = [];
  let checked = false;
  for (const period of periodIds) {
    const rows = await store.observations.current({ period, sources: ['third_party', 'street'] });
    checked ||= rows.some((o) => index.has(o.unit));
    verified.push({ id: period, variables: columnsOf(framework, index, rows) });
    const own = rows.length === 0 ? [] : await store.observations.current({ period, sources: ['self'] });
    self.push({ id: period, variables: columnsOf(framework, index, own) });
  }
  return checked ? { self, verified } : undefined;
}

export async function loadEngineData(
  store: Store,
  framework: ResolvedFramework,
  periodIds: readonly string[],
  sourceOrder: readonly DataSource[] = DEFAULT_SOURCE_ORDER,
): Promise<EngineData> {
  if (periodIds.length === 0) throw new ValidationError('an evaluation needs at least one period');
  const allUnits = await store.units.list();
  const baseUnits = allUnits.filter((u) => u.level === 'community');
  if (baseUnits.length === 0) {
    throw new ValidationError('no communities or villages in the store: import the unit register first');
  }
  // A frame large enough to share its work starts the engine's helper threads now, while the
  // observations are read, so that the pipeline finds them ready.
  if (shareWork(baseUnits.length * periodIds.length)) void startEngineThreads();
  const codes = baseUnits.map((u) => u.code);
  // The engine's own index of these codes (the same array goes into its input), so its check of the
  // input finds them indexed.
  const index = unitCodeIndex(codes);
  const hash = createHash('sha256');
  const periods: EnginePeriod[] = [];
  const read = new Map<string, Observation[]>();
  for (const period of periodIds) {
    const observations = await store.observations.current({ period, sources: sourceOrder });
    read.set(
      period,
      observations.filter((o) => index.has(o.unit)),
    );
    if (observations.length === 0) {
      throw new ValidationError(`no committed observations for period ${period}: import its data first`);
    }
    const variables = columnsOf(framework, index, observations, (o) => {
      hash.update(`${o.unit}\t${o.period}\t${o.batch}\t${o.sequence}\n`);
      for (const batch of otherBatches(o)) hash.update(`${o.unit}\t${o.period}\t+${batch}\n`);
    });
    periods.push({ id: period, variables });
  }
  const verification = await verificationData(store, framework, index, periodIds);
  return {
    baseUnits,
    allUnits,
    units: engineUnits(baseUnits, codes, allUnits),
    periods,
    fingerprint: hash.digest('hex'),
    sources: sourceOrder,
    observations: read,
    ...(verification === undefined ? {} : { verification }),
  };
}
