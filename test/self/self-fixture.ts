/**
 * A tiny store for the self-evaluation tests, on the small test framework
 * (test/fixtures/indicators/good: index → service 0.6 → reach → grid_coverage ×2, workers_per_1k ×1;
 * index → voice 0.4 → resolution_rate, response_days). Community c1 (the one that assesses itself)
 * reported, worked by hand with goalposts (floor → 0, target → 100):
 *
 *   period  grid %   → norm   workers/1k → norm   resolved % → norm   days → norm
 *   2024    60       → 20     1.15       → 50     67         → 20     9    → 50
 *   2025    75       → 50     1.15       → 50     88         → 80     6    → 75
 *
 *   reach = (2·grid + workers) / 3: 2024 30, 2025 50; service = reach; voice = mean: 35, 77.5;
 *   index = 0.6·service + 0.4·voice: 2024 32, 2025 61.
 *
 * Community c2 (same street S1) reports wildly different values, so any leak of its data into c1's
 * figures (a min-max over both, say) would change them.
 */
import path from 'node:path';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import type { Registry } from '../../server/indicators/registry-types.js';
import type { User } from '../../server/domain/user.js';
import { createUser } from '../../server/access/user-admin.js';
import type { Store } from '../../server/store/store.js';
import { importObservations, importUnits, unit } from '../contract/contract-helpers.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

export const FRAMEWORK = 'small';
export const FIXTURE_INDICATORS = path.resolve('test/fixtures/indicators/good');

export interface SelfWorld {
  readonly store: Store;
  readonly registry: Registry;
  readonly users: Readonly<Record<'c1' | 'c2' | 'street' | 'plainC1' | 'evaluator' | 'admin', User>>;
  dispose(): Promise<void>;
}

function row(
  code: string,
  period: string,
  v: { grid: number; workers: number; population: number; resolved: number; days: number },
) {
  return {
    unit: code,
    period,
    values: {
      households_in_grids: v.grid,
      households: 100,
      community_workers: v.workers,
      resident_population: v.population,
      requests_resolved: v.resolved,
      requests_received: 100,
      median_resolution_days: v.days,
    },
  };
}

export async function selfWorld(): Promise<SelfWorld> {
  const temp = await tempEmbeddedStore();
  const store = temp.store;
  const registry = await loadRegistry(FIXTURE_INDICATORS);
  await importUnits(store, [
    unit('CT', 'city', null),
    unit('S1', 'street', 'CT'),
    unit('c1', 'community', 'S1', { resident_population: 20000 }),
    unit('c2', 'community', 'S1', { resident_population: 1000 }),
  ]);
  await importObservations(store, '2024', [
    row('c1', '2024', { grid: 60, workers: 23, population: 20000, resolved: 67, days: 9 }),
    row('c2', '2024', { grid: 100, workers: 5, population: 1000, resolved: 100, days: 1 }),
  ]);
  await importObservations(store, '2025', [
    row('c1', '2025', { grid: 75, workers: 23, population: 20000, resolved: 88, days: 6 }),
    row('c2', '2025', { grid: 10, workers: 0, population: 1000, resolved: 5, days: 30 }),
  ]);
  const add = (login: string, role: User['role'], unitScope: string[] | null, selfAssess = false) =>
    createUser(store, 'admin', {
      login,
      displayName: login,
      role,
      unitScope,
      ...(selfAssess ? { selfAssess } : {}),
    });
  const users = {
    c1: await add('c1_viewer', 'viewer', ['c1'], true),
    c2: await add('c2_viewer', 'viewer', ['c2'], true),
    street: await add('street_viewer', 'viewer', ['S1']),
    plainC1: await add('c1_reader', 'viewer', ['c1']),
    evaluator: await add('evaluator', 'evaluator', null),
    admin: await add('admin', 'admin', null),
  };
  return { store, registry, users, dispose: temp.dispose };
}
