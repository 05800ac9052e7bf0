/**
 * Test helper: a catalogue of one dimension "d" with two indicators on one variable each
 * (x = a, y = b, both "higher"), and a framework "tiny" over them with min-max to [0, 100], no
 * treatment, framework weights and the arithmetic mean, so every score can be worked by hand.
 */
import type { CatalogueFile } from '../../server/domain/catalogue.js';
import { scaffoldIndicator } from '../../server/indicators/scaffold-indicator.js';
import { catalogueChanges } from '../../server/indicators/catalogue-changes.js';
import { appendCatalogueVersion } from '../../server/services/append-catalogue-version.js';
import { DefinitionCatalogue } from '../../server/services/definition-catalogue.js';
import type { Store } from '../../server/store/store.js';

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

export const TINY_FILES: readonly CatalogueFile[] = [
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

/** A store's catalogue holding the tiny definitions as its version 1. */
export async function tinyCatalogue(store: Store): Promise<DefinitionCatalogue> {
  await appendCatalogueVersion(store, {
    version: 1,
    files: TINY_FILES,
    reason: { zh: '测试目录', en: 'test catalogue' },
    actor: 'test',
    basedOn: null,
    origin: 'seed',
    changes: catalogueChanges([], TINY_FILES),
  });
  return DefinitionCatalogue.open(store.catalogue);
}
