/**
 * Test helper: a catalogue of one dimension "d" with two indicators on one variable each
 * (x = a, y = b, both "higher"), and a framework "tiny" over them with min-max to [0, 100], no
 * treatment, framework weights and the arithmetic mean, so every score can be worked by hand.
 */
import { checkDefinitions, type DefinitionSource } from '../../server/indicators/check-definitions.js';
import type { Registry } from '../../server/indicators/registry-types.js';
import { scaffoldIndicator } from '../../server/indicators/scaffold-indicator.js';

const bi = (zh: string, en: string) => ({ zh, en });

export function tinyIndicator(dimension: string, id: string, variable: string): Record<string, unknown> {
  return {
    ...scaffoldIndicator(dimension, id),
    version: '1.0.0',
    inputs: {
      type: 'object',
      properties: {
        [variable]: { type: 'number', minimum: 0, unit: bi('个', 'items'), label: bi(variable, variable) },
      },
      required: [variable],
    },
    formula: variable,
    fixtures: [
      { name: 'as reported', inputs: { [variable]: 2 }, expected: 2 },
      { name: 'not reported', inputs: {}, expected: null, reason: 'missing_input' },
    ],
  };
}

export function tinyFramework(
  version: string,
  dimensions: { id: string; weight: number }[],
  indicators: { id: string; weight: number }[],
): Record<string, unknown> {
  return {
    kind: 'framework',
    id: 'tiny',
    version,
    name: bi('小框架', 'Tiny framework'),
    description: bi('测试用。', 'For tests.'),
    root: { id: 'index', name: bi('指数', 'Index') },
    dimensions,
    indicators,
    methods: {
      imputation: { method: 'none' },
      screening: { method: 'none' },
      treatment: { method: 'none' },
      normalisation: { method: 'minmax', range: [0, 100] },
      weighting: { method: 'framework' },
      aggregation: { method: 'arithmetic' },
      rollup: { method: 'population_weighted' },
      periods: { method: 'per_period' },
    },
  };
}

export const TINY_FILES: readonly DefinitionSource[] = [
  {
    file: 'd/dimension.json',
    text: JSON.stringify({
      kind: 'dimension',
      id: 'd',
      name: bi('维度', 'D'),
      description: bi('测试。', 'Test.'),
      weight: 1,
    }),
  },
  { file: 'd/x.json', text: JSON.stringify(tinyIndicator('d', 'x', 'a')) },
  { file: 'd/y.json', text: JSON.stringify(tinyIndicator('d', 'y', 'b')) },
  {
    file: 'frameworks/tiny.json',
    text: JSON.stringify(
      tinyFramework(
        '1.0.0',
        [{ id: 'd', weight: 1 }],
        [
          { id: 'x', weight: 1 },
          { id: 'y', weight: 1 },
        ],
      ),
    ),
  },
];

export function tinyRegistry(): Registry {
  const checked = checkDefinitions(TINY_FILES, 'tiny');
  if (checked.registry === undefined) {
    throw new Error(
      `the tiny catalogue has problems: ${checked.problems.map((p) => `${p.file} ${p.pointer} ${p.message}`).join('; ')}`,
    );
  }
  return checked.registry;
}
