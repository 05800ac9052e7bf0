/**
 * Loads the demo city into a store and evaluates it, so a fresh installation shows full reports
 * at once: the unit register and each period's observations go in as ordinary import batches
 * (idempotent: loading twice changes nothing), with each period's residents' survey (demo-survey.ts),
 * then the default framework is evaluated over all periods and published.
 */
import { createHash } from 'node:crypto';
import type { Registry } from '../indicators/registry-types.js';
import { importRecords } from '../store/import-records.js';
import type { Evaluation } from '../store/models/evaluation.js';
import type { Store } from '../store/store.js';
import { runEvaluation } from '../evaluation/run-evaluation.js';
import { generateDemoCity, type DemoCity } from './demo-city.js';
import { generateDemoSurvey } from './demo-survey.js';

const ACTOR = 'demo';

/** Plausible alternative methods for the demo's rank intervals: weights ±25 %, two aggregations, imputation, treatment. */
const DEMO_UNCERTAINTY = {
  replications: 200,
  seed: 2025,
  weights: { method: 'uniform', range: 0.25 },
  imputation: [{ method: 'none' }, { method: 'mean' }],
  treatment: true,
  normalisation: [{ method: 'minmax', range: [1, 100] }],
  aggregation: [{ method: 'arithmetic' }, { method: 'geometric' }],
};

function sha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function unitRecords(city: DemoCity): unknown[] {
  return city.units.map((u) => ({
    code: u.code,
    name: u.name,
    level: u.level,
    parent: u.parent ?? null,
    attributes: u.attributes,
  }));
}

/** Observation rows as the store takes them: an empty cell is absent, not null. */
function observationRecords(city: DemoCity, period: string): unknown[] {
  return city.observations
    .filter((o) => o.period === period)
    .map((o) => ({
      unit: o.unit,
      period,
      values: Object.fromEntries(Object.entries(o.values).filter(([, v]) => v !== null)),
    }));
}

async function importAll(store: Store, city: DemoCity): Promise<void> {
  const units = unitRecords(city);
  await importRecords(
    store,
    {
      kind: 'units',
      actor: ACTOR,
      fileName: 'demo-units.json',
      sha256: sha256(units),
      period: null,
      periods: [],
    },
    units,
    { tally: { rows: units.length, errors: 0, warnings: 0 } },
  );
  for (const period of city.periods) {
    await store.periods.ensure(period);
    const rows = observationRecords(city, period);
    await importRecords(
      store,
      {
        kind: 'observations',
        actor: ACTOR,
        fileName: `demo-data-${period}.json`,
        sha256: sha256(rows),
        period,
        periods: [period],
      },
      rows,
      { tally: { rows: rows.length, errors: 0, warnings: 0 } },
    );
  }
  await importSurvey(store, city);
}

/** The residents' survey, one batch per period. */
async function importSurvey(store: Store, city: DemoCity): Promise<void> {
  const respondents = generateDemoSurvey(city);
  for (const period of city.periods) {
    const rows = respondents.filter((r) => r.period === period);
    await importRecords(
      store,
      {
        kind: 'responses',
        actor: ACTOR,
        fileName: `demo-survey-${period}.json`,
        sha256: sha256(rows),
        period,
        periods: [period],
      },
      rows,
      { tally: { rows: rows.length, errors: 0, warnings: 0 } },
    );
  }
}

/** Imports the demo city and publishes an evaluation of it, unless one was published before. */
export async function loadDemo(store: Store, registry: Registry): Promise<Evaluation> {
  const published = await store.evaluations.list({ status: 'published', frameworkId: 'default', limit: 1 });
  const existing = published[0];
  if (existing?.createdBy === ACTOR) return existing;
  const city = generateDemoCity();
  await importAll(store, city);
  const evaluation = await runEvaluation(store, registry, {
    frameworkId: 'default',
    periods: city.periods,
    actor: ACTOR,
    label: {
      zh: '梧阳市基层治理现代化评估（示例数据）',
      en: 'Wuyang grassroots governance evaluation (demo data)',
    },
    uncertainty: DEMO_UNCERTAINTY,
    // The demo is small: worker start-up would cost more than it saves.
    workers: 0,
  });
  return store.evaluations.publish(evaluation.id, ACTOR);
}
