/**
 * A hand-worked evaluation for the view-model tests: three communities (c1, c2 under street S1;
 * c3 under S2), one district D, the city CT; two dimensions (a_dim = x, y; b_dim = z) under the
 * index, equal weights everywhere, weighted arithmetic mean. Period 2025 (index 1):
 *
 *   unit  pop   x raw/norm   y raw/norm   z raw/norm   a_dim  b_dim  index  rank  peer group
 *   c1    1000   40 / 40     5.5 /  50      1 / 100     45     100    72.5   1     urban_small
 *   c2    3000   80 / 80       1 / 100      0 /   0     90       0    45     3     urban_small
 *   c3    2000   60 / 60      10 /   0      1 / 100     30     100    65     2     rural
 *
 * Roll-ups of the index: S1 = (72.5·1000 + 45·3000) / 4000 = 51.875; S2 = 65;
 * D = CT = (72.5·1000 + 45·3000 + 65·2000) / 6000 = 56.25. c1's x in 2025 is flagged imputed.
 * z is a yes/no item (its inputs declare one integer variable from 0 to 1).
 * The engine's sections (roll-up, diagnostics, level figures, coverage) are made from these columns
 * as an evaluation makes them (tiny-figures.ts); a test may replace any of them.
 */
import { registerSnapshot } from '../../server/evaluation/register-snapshot.js';
import { RESULTS_FORMAT, type ResultsDocument } from '../../server/evaluation/results-document.js';
import { tinyEngineSections } from './tiny-figures.js';
import { buildReportContext, type ReportContext } from '../../server/reports/context/report-context.js';
import type { Evaluation } from '../../server/store/models/evaluation.js';
import type { StoredUnit, UnitLevel } from '../../server/store/models/unit.js';

function unit(
  code: string,
  zh: string,
  level: UnitLevel,
  parent: string | null,
  population: number,
  peer: string,
): StoredUnit {
  return {
    code,
    name: { zh, en: `${code} en` },
    level,
    parent,
    attributes: { resident_population: population, peer_group: peer },
    batch: 'b1',
    sequence: 1,
  };
}

export const TINY_REGISTER: readonly StoredUnit[] = [
  unit('CT', '测试市', 'city', null, 6000, 'urban'),
  unit('D', '测试区', 'district', 'CT', 6000, 'urban'),
  unit('S1', '一街道', 'street', 'D', 4000, 'urban'),
  unit('S2', '二镇', 'street', 'D', 2000, 'rural'),
  unit('c1', '甲社区', 'community', 'S1', 1000, 'urban_small'),
  unit('c2', '乙社区', 'community', 'S1', 3000, 'urban_small'),
  unit('c3', '丙村', 'community', 'S2', 2000, 'rural'),
];

/** Period-major columns: [2024 c1, c2, c3, 2025 c1, c2, c3]. */
export function tinyResults(
  overrides: Partial<Record<string, unknown>> = {},
): ResultsDocument & Record<string, unknown> {
  const columns: ResultsDocument = {
    format: RESULTS_FORMAT,
    periods: ['2024', '2025'],
    units: ['c1', 'c2', 'c3'],
    indicators: ['x', 'y', 'z'],
    nodes: ['a_dim', 'b_dim', 'index'],
    root: 'index',
    register: registerSnapshot(TINY_REGISTER),
    raw: { x: [30, 80, 50, 40, 80, 60], y: [6, 1, 10, 5.5, 1, 10], z: [1, 0, 0, 1, 0, 1] },
    rawReasons: {},
    normalised: { x: [30, 80, 50, 40, 80, 60], y: [44, 100, 0, 50, 100, 0], z: [100, 0, 0, 100, 0, 100] },
    scores: {
      a_dim: [37, 90, 25, 45, 90, 30],
      b_dim: [100, 0, 0, 100, 0, 100],
      index: [70, 46, 55, 72.5, 45, 65],
    },
    ranks: { a_dim: [2, 1, 3, 2, 1, 3], b_dim: [1, 2, 2, 1, 3, 1], index: [1, 3, 2, 1, 3, 2] },
    flags: { x: { '3': 1 } },
    weights: {
      a_dim: { children: ['x', 'y'], weights: [1, 1] },
      b_dim: { children: ['z'], weights: [1] },
      index: { children: ['a_dim', 'b_dim'], weights: [1, 1] },
    },
    choices: { aggregation: { method: 'arithmetic' }, normalisation: { method: 'minmax', range: [0, 100] } },
    log: [
      {
        stage: 'screening',
        message: '1 flagged',
        method: 'by_availability',
        data: { threshold: 0.66, action: 'flag', units: ['c3@2024'] },
      },
    ],
  };
  return { ...columns, ...tinyEngineSections(columns), ...overrides };
}

/** A Monte Carlo section as the evaluation stores it, with rank quantiles per row. */
export function monteCarlo(runs: number): Record<string, unknown> {
  return {
    seed: 1,
    design: 'montecarlo',
    runs,
    factors: ['weights'],
    top: 10,
    median: [1, 3, 2, 1, 3, 2],
    p5: [1, 2, 1, 1, 2, 1],
    p95: [2, 3, 3, 2, 3, 3],
    topShare: [1, 1, 1, 1, 1, 1],
    sensitivity: null,
    records: [],
  };
}

const bilingual = (zh: string, en: string) => ({ zh, en });

export function tinyEvaluation(status: 'draft' | 'published' = 'published'): Evaluation {
  const indicator = (
    id: string,
    dimension: string,
    direction: 'higher' | 'lower',
    unitText: string,
    thresholds: { green: number; yellow: number; orange: number },
    floor: number,
    target: number,
  ) => ({
    id,
    version: '1.0.0',
    name: bilingual(`指标${id}`, `Indicator ${id}`),
    dimension,
    unit: bilingual(unitText, unitText),
    direction,
    formula: id,
    goalposts: { floor: { value: floor }, target: { value: target } },
    thresholds,
  });
  return {
    id: 'ev_tiny',
    label: bilingual('测试评估', 'Tiny evaluation'),
    framework: {
      id: 'tiny',
      version: '1.0.0',
      hash: 'sha256:f',
      hashes: { a_dim: 'sha256:a', b_dim: 'sha256:b', x: 'sha256:x', y: 'sha256:y', z: 'sha256:z' },
      definition: {
        framework: {
          id: 'tiny',
          version: '1.0.0',
          name: bilingual('测试框架', 'Tiny framework'),
          root: { id: 'index', name: bilingual('综合指数', 'Index') },
          methods: { rollup: { method: 'population_weighted' } },
        },
        dimensions: [
          { id: 'a_dim', name: bilingual('甲维度', 'Dimension A') },
          { id: 'b_dim', name: bilingual('乙维度', 'Dimension B') },
        ],
        indicators: [
          indicator('x', 'a_dim', 'higher', '%', { green: 80, yellow: 60, orange: 40 }, 0, 100),
          indicator('y', 'a_dim', 'lower', 'days', { green: 2, yellow: 4, orange: 6 }, 10, 1),
          {
            ...indicator('z', 'b_dim', 'higher', 'yes=1', { green: 1, yellow: 0.8, orange: 0.5 }, 0, 1),
            // A yes/no item: the formula is one integer variable from 0 to 1.
            inputs: {
              type: 'object',
              properties: {
                z: {
                  type: 'integer',
                  minimum: 0,
                  maximum: 1,
                  unit: bilingual('是=1', 'yes=1'),
                  label: bilingual('有', 'has'),
                },
              },
              required: ['z'],
            },
          },
        ],
      },
    },
    methods: {},
    periods: ['2024', '2025'],
    dataFingerprint: 'fp',
    status,
    createdAt: '2025-01-02T03:04:05.000Z',
    createdBy: 'tester',
    publishedAt: status === 'published' ? '2025-01-03T00:00:00.000Z' : null,
    publishedBy: status === 'published' ? 'tester' : null,
    results: { bytes: 1, sha256: 'abc', storedAt: '2025-01-02T03:04:05.000Z' },
    version: 1,
    supersedes: null,
    lineage: 'ev_tiny',
    reason: null,
    uncertainty: null,
  };
}

export function tinyContext(results: unknown = tinyResults()): ReportContext {
  return buildReportContext(tinyEvaluation(), results);
}
