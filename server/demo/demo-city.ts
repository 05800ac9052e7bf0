/**
 * A deterministic synthetic city for demonstrations and tests: 梧阳市 with 7 districts, 80 streets
 * and townships, 1,000 communities and villages, and three periods of the default framework's raw
 * variables. Dimensions are driven by correlated latent capacities, so indicators within a
 * dimension move together, and three districts tell clear stories (see demo-districts.ts):
 * 光谷区 strong in intelligence and weak in autonomy, 新港区 improving fast, 青山区 with patchy data.
 *
 * @example const city = generateDemoCity(); city.units.length === 1 + 7 + 80 + 1000
 */
import type { PeerGroup } from '../domain/unit-codes.js';
import { DEMO_DISTRICTS, type DemoDimension, type DemoDistrict } from './demo-districts.js';
import { compoundName } from './demo-names.js';
import { communityVariables } from './demo-variables.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';

export type DemoLevel = 'city' | 'district' | 'street' | 'community';

export interface DemoUnit {
  readonly code: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly level: DemoLevel;
  readonly parent?: string;
  readonly attributes: {
    readonly urban_rural: 'urban' | 'rural';
    readonly resident_population: number;
    readonly households: number;
    readonly area_km2: number;
    readonly old_compound_share?: number;
    readonly peer_group: string;
  };
}

export interface DemoObservation {
  readonly unit: string;
  readonly period: string;
  readonly values: Readonly<Record<string, number | null>>;
}

export interface DemoCity {
  readonly units: readonly DemoUnit[];
  readonly periods: readonly string[];
  readonly observations: readonly DemoObservation[];
  /**
   * Each community's latent governance capacity per period (the mean over its dimensions), which
   * drives its variables; the demo survey's answers follow it (demo-survey.ts). Optional: a city
   * built otherwise has none.
   */
  readonly capacities?: readonly DemoCapacity[];
}

export interface DemoCapacity {
  readonly unit: string;
  readonly period: string;
  readonly capacity: number;
}

export const DEMO_PERIODS = ['2023', '2024', '2025'] as const;
const STREETS_PER_DISTRICT = [12, 12, 12, 11, 11, 11, 11];
const COMMUNITIES = 1000;
const DIMENSIONS: readonly DemoDimension[] = [
  'coverage',
  'responsiveness',
  'autonomy',
  'intelligence',
  'institutionalization',
];

interface CommunityPlan {
  readonly unit: DemoUnit;
  readonly district: DemoDistrict;
  /** Latent capacity per dimension in the first period. */
  readonly latent: Readonly<Record<DemoDimension, number>>;
  readonly silent: boolean;
}

function peerGroup(rural: boolean, population: number): PeerGroup {
  if (rural) return 'rural';
  return population >= 8000 ? 'urban_large' : 'urban_small';
}

function planCommunity(
  random: SeededRandom,
  index: number,
  street: DemoUnit,
  district: DemoDistrict,
  streetEffect: number,
): CommunityPlan {
  const rural = street.attributes.urban_rural === 'rural';
  const population = Math.round(
    rural
      ? Math.min(4500, Math.max(600, random.normal(2000, 800)))
      : Math.min(22000, Math.max(2000, random.normal(8000, 3200))),
  );
  const households = Math.round(population / Math.max(2.1, random.normal(2.7, 0.2)));
  const name = compoundName(index + 200);
  const unit: DemoUnit = {
    code: `${street.code}C${String(index % 100).padStart(2, '0')}`,
    name: { zh: name.zh + (rural ? '村' : '社区'), en: `${name.en} ${rural ? 'Village' : 'Community'}` },
    level: 'community',
    parent: street.code,
    attributes: {
      urban_rural: rural ? 'rural' : 'urban',
      resident_population: population,
      households,
      area_km2: Math.max(
        0.1,
        Math.round((rural ? random.normal(6, 2) : random.normal(0.8, 0.3)) * 100) / 100,
      ),
      ...(rural
        ? {}
        : { old_compound_share: Math.round(Math.min(1, Math.max(0, random.normal(0.35, 0.2))) * 100) / 100 }),
      peer_group: peerGroup(rural, population),
    },
  };
  const general = district.level + streetEffect + random.normal(0, 0.45);
  const latent = Object.fromEntries(
    DIMENSIONS.map((d) => [d, general + (district.offsets[d] ?? 0) + random.normal(0, 0.35)]),
  ) as Record<DemoDimension, number>;
  return { unit, district, latent, silent: random.uniform() < district.missingShare / 8 };
}

function sumAttributes(children: readonly DemoUnit[]): {
  population: number;
  households: number;
  area: number;
} {
  return children.reduce(
    (sum, c) => ({
      population: sum.population + c.attributes.resident_population,
      households: sum.households + c.attributes.households,
      area: sum.area + c.attributes.area_km2,
    }),
    { population: 0, households: 0, area: 0 },
  );
}

function aggregateUnit(
  base: Omit<DemoUnit, 'attributes'>,
  children: readonly DemoUnit[],
  rural: boolean,
): DemoUnit {
  const total = sumAttributes(children);
  return {
    ...base,
    attributes: {
      urban_rural: rural ? 'rural' : 'urban',
      resident_population: total.population,
      households: total.households,
      area_km2: Math.round(total.area * 100) / 100,
      peer_group: rural ? 'rural' : 'urban',
    },
  };
}

/** Builds the whole demo city; the same seed always gives the same city. */
export function generateDemoCity(seed = 20251123): DemoCity {
  const random = seededRandom(seed);
  const plans: CommunityPlan[] = [];
  const streets: DemoUnit[] = [];
  const districts: DemoUnit[] = [];
  let communityIndex = 0;
  let streetIndex = 0;
  DEMO_DISTRICTS.forEach((district, d) => {
    const streetCount = STREETS_PER_DISTRICT[d] ?? 11;
    const districtStreets: DemoUnit[] = [];
    for (let s = 0; s < streetCount; s += 1) {
      const rural = s >= Math.round(streetCount * (1 - district.ruralShare));
      const name = compoundName(streetIndex);
      const code = `${district.code}S${String(s + 1).padStart(2, '0')}`;
      const streetEffect = random.normal(0, 0.3);
      // Spread the 1,000 communities evenly: street k gets communities up to round(1000 (k+1) / 80).
      const upTo = Math.round((COMMUNITIES * (streetIndex + 1)) / 80);
      const bareStreet: DemoUnit = {
        code,
        name: { zh: name.zh + (rural ? '镇' : '街道'), en: `${name.en} ${rural ? 'Town' : 'Subdistrict'}` },
        level: 'street',
        parent: district.code,
        attributes: {
          urban_rural: rural ? 'rural' : 'urban',
          resident_population: 0,
          households: 0,
          area_km2: 0,
          peer_group: '',
        },
      };
      const children: CommunityPlan[] = [];
      for (; communityIndex < upTo; communityIndex += 1) {
        children.push(planCommunity(random, communityIndex, bareStreet, district, streetEffect));
      }
      plans.push(...children);
      const street = aggregateUnit(
        bareStreet,
        children.map((c) => c.unit),
        rural,
      );
      streets.push(street);
      districtStreets.push(street);
      streetIndex += 1;
    }
    districts.push(
      aggregateUnit(
        { code: district.code, name: district.name, level: 'district', parent: 'WY' },
        districtStreets,
        district.ruralShare > 0.5,
      ),
    );
  });
  const city = aggregateUnit(
    { code: 'WY', name: { zh: '梧阳市', en: 'Wuyang City' }, level: 'city' },
    districts,
    false,
  );
  const observations: DemoObservation[] = [];
  const capacities: DemoCapacity[] = [];
  DEMO_PERIODS.forEach((period, t) => {
    for (const plan of plans) {
      const latent = Object.fromEntries(
        DIMENSIONS.map((d) => [d, plan.latent[d] + plan.district.trend * t + random.normal(0, 0.12)]),
      ) as Record<DemoDimension, number>;
      // Recorded without drawing: the city's random stream, and so its data, stay as they were.
      const capacity = DIMENSIONS.reduce((sum, d) => sum + latent[d], 0) / DIMENSIONS.length;
      capacities.push({ unit: plan.unit.code, period, capacity });
      const values = communityVariables(random, plan.unit, latent, plan.district.code);
      observations.push({ unit: plan.unit.code, period, values: withGaps(random, values, plan) });
    }
  });
  return {
    units: [city, ...districts, ...streets, ...plans.map((p) => p.unit)],
    periods: DEMO_PERIODS,
    observations,
    capacities,
  };
}

/** Leaves cells empty at the district's missing share; a silent community reports almost nothing. */
function withGaps(
  random: SeededRandom,
  values: Readonly<Record<string, number | null>>,
  plan: CommunityPlan,
): Record<string, number | null> {
  const share = plan.silent ? 0.9 : plan.district.missingShare;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, random.uniform() < share ? null : v]));
}
