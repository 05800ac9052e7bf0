/**
 * The analysis the split tests run, in process and in child processes: the panel fixture's ten units
 * in three streets of two districts (so every run ranks the levels too), a Saltelli design over
 * every factor.
 */
import type { EngineInput } from '../../../server/engine/types.js';
import { panel } from './fixtures.js';

export const splitInput: EngineInput = {
  ...panel,
  units: {
    ...panel.units,
    parents: ['s1', 's1', 's1', 's2', 's2', 's2', 's3', 's3', 's3', 's3'],
    ancestors: new Map([
      ['s1', 'd1'],
      ['s2', 'd1'],
      ['s3', 'd2'],
    ]),
    population: Float64Array.of(800, 1200, 500, 3000, 900, 1100, 2000, 700, 1300, 1500),
  },
};

export const splitSettings = {
  seed: 17,
  replications: 9,
  sensitivity: true,
  weights: { method: 'dirichlet', concentration: 8 },
  imputation: [{ method: 'none' }, { method: 'mean' }],
  treatment: true,
  normalisation: [{ method: 'minmax', range: [1, 100] }, { method: 'rank' }],
  aggregation: [{ method: 'arithmetic' }, { method: 'geometric' }],
};
