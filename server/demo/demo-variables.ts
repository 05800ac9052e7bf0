/**
 * The raw variables one demo community reports in one period, drawn from its latent capacity
 * per dimension. Each capacity passes through a logistic curve to a quality q in (0, 1); rates
 * then run from a realistic worst to just past the target as q rises, with noise.
 */
import type { DemoDimension } from './demo-districts.js';
import type { DemoUnit } from './demo-city.js';
import type { SeededRandom } from './seeded-random.js';

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
const logistic = (x: number): number => 1 / (1 + Math.exp(-1.3 * x));

/** The average annual wage in each district (yuan), for the pay-ratio indicator. */
const LOCAL_WAGE: Readonly<Record<string, number>> = {
  WY01: 118_000,
  WY02: 104_000,
  WY03: 126_000,
  WY04: 92_000,
  WY05: 99_000,
  WY06: 81_000,
  WY07: 76_000,
};

export function communityVariables(
  random: SeededRandom,
  unit: DemoUnit,
  latent: Readonly<Record<DemoDimension, number>>,
  districtCode: string,
): Record<string, number | null> {
  const q = (d: DemoDimension): number => logistic(latent[d]);
  const noise = (sd: number): number => random.normal(0, sd);
  const part = (whole: number, share: number): number => Math.round(whole * clamp01(share));
  const yes = (chance: number): number => (random.uniform() < chance ? 1 : 0);
  const qc = q('coverage');
  const qr = q('responsiveness');
  const qa = q('autonomy');
  const qi = q('intelligence');
  const qn = q('institutionalization');
  const rural = unit.attributes.urban_rural === 'rural';
  const population = Math.round(unit.attributes.resident_population * (1 + noise(0.01)));
  const households = Math.round(unit.attributes.households * (1 + noise(0.01)));
  const elderly = Math.round(
    population * Math.min(0.4, Math.max(0.08, random.normal(rural ? 0.26 : 0.19, 0.04))),
  );
  const compounds = rural ? null : random.integer(4, 30);
  const requests = Math.max(1, Math.round(population * Math.max(0.02, random.normal(0.08, 0.02))));
  const resolved = part(requests, 0.55 + 0.43 * qr + noise(0.03));
  const ratings = Math.round(resolved * 0.6);
  const disputes = random.integer(5, 60);
  const whistles = random.integer(3, 40);
  const vulnerable = Math.max(1, Math.round(population * 0.06));
  const workers = Math.max(2, Math.round((population / 10_000) * (6 + 14 * qc + noise(1))));
  const organisations = Math.max(0, Math.round((population / 10_000) * (1 + 11 * qa + noise(1))));
  const services = random.integer(40, 80);
  const totalFunds = Math.round(Math.max(80_000, random.normal(500_000, 150_000)));
  const wage = LOCAL_WAGE[districtCode] ?? 95_000;
  return {
    households_in_grids: part(households, 0.6 + 0.42 * qc + noise(0.03)),
    households,
    grid_workers: Math.max(1, Math.round(households / Math.max(150, 680 - 430 * qc + noise(40)))),
    compounds_with_party_group: compounds === null ? null : part(compounds, 0.25 + 0.75 * qc + noise(0.08)),
    compounds,
    compounds_with_owners_committee:
      compounds === null ? null : part(compounds, 0.1 + 0.75 * qc + noise(0.1)),
    households_in_digital_groups: part(households, 0.3 + 0.35 * qc + 0.32 * qi + noise(0.04)),
    vulnerable_registered: part(vulnerable, 0.5 + 0.52 * qc + noise(0.05)),
    vulnerable_estimated: vulnerable,
    community_workers: workers,
    resident_population: population,
    requests_resolved: resolved,
    requests_received: requests,
    requests_answered_24h: part(requests, 0.45 + 0.52 * qr + noise(0.04)),
    median_resolution_days: Math.round(Math.max(0.5, 16 - 13 * qr + noise(1)) * 10) / 10,
    satisfied_ratings: part(ratings, 0.5 + 0.45 * qr + noise(0.04)),
    ratings,
    disputes_settled_locally: part(disputes, 0.5 + 0.45 * qr + noise(0.06)),
    disputes,
    whistles_answered_in_time: part(whistles, 0.5 + 0.48 * qr + noise(0.06)),
    whistles,
    households_contacted: part(households, 0.15 + 0.72 * qr + noise(0.05)),
    deliberation_participants: part(Math.round(population * 0.8), 0.01 + 0.17 * qa + noise(0.01)),
    adult_residents: Math.round(population * 0.8),
    active_volunteers: Math.round(population * clamp01(0.004 + 0.058 * qa + noise(0.004))),
    social_organisations: organisations,
    social_affairs_organisations: part(organisations, 0.05 + 0.42 * qa + noise(0.05)),
    discretionary_funds: part(totalFunds, 0.02 + 0.33 * qa + noise(0.03)),
    total_funds: totalFunds,
    unlisted_admin_tasks: Math.max(0, Math.round(22 - 22 * qa + noise(2))),
    services_online: part(services, 0.2 + 0.75 * qi + noise(0.05)),
    services_total: services,
    platform_registered_residents: part(population, 0.1 + 0.65 * qi + noise(0.04)),
    duplicate_forms_monthly: Math.max(0, Math.round(40 - 40 * qi + noise(3))),
    complete_resident_records: part(population, 0.5 + 0.48 * qi + noise(0.03)),
    elderly_digitally_supported: part(elderly, 0.1 + 0.55 * qi + noise(0.05)),
    elderly_residents: elderly,
    has_data_use_rules: yes(qi),
    has_current_emergency_plan: yes(0.3 + 0.7 * qn),
    emergency_drills: Math.max(0, Math.round(5 * qn + noise(0.8))),
    emergency_reserve_days: Math.round(Math.max(0, 9 * qn + noise(1)) * 10) / 10,
    has_task_access_list: yes(0.2 + 0.8 * qn),
    inspections_monthly: Math.round(Math.max(0, 22 - 20 * qn + noise(2)) * 10) / 10,
    staff_with_duty_list: part(workers, 0.3 + 0.72 * qn + noise(0.05)),
    avg_worker_pay: Math.round(wage * Math.max(0.35, 0.5 + 0.6 * qn + noise(0.05))),
    local_average_wage: wage,
  };
}
