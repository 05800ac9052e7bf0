/**
 * The framework an evaluation was run with, as frozen in its snapshot (the framework, dimension and
 * indicator definitions at the time), narrowed to what the reports show: names, units, directions,
 * goalposts, thresholds, formulas and versions. Reports cite this, not the live registry, so an old
 * evaluation keeps the definitions it was computed with.
 */
import type {
  DimensionDefinition,
  FrameworkDefinition,
  IndicatorDefinition,
  InputsSchema,
} from '../../indicators/definitions.js';
import { compileValidator } from '../../validation/compile.js';

export type SnapshotIndicator = Pick<
  IndicatorDefinition,
  'id' | 'version' | 'name' | 'dimension' | 'unit' | 'direction' | 'formula' | 'goalposts' | 'thresholds'
> & {
  /** The input variables (snapshots hold them; older test fixtures may not): tell a yes/no indicator. */
  readonly inputs?: InputsSchema;
};
export type SnapshotDimension = Pick<DimensionDefinition, 'id' | 'name'>;
export type SnapshotFramework = Pick<FrameworkDefinition, 'id' | 'version' | 'name' | 'root'> & {
  readonly methods: Readonly<Record<string, { readonly method: string }>>;
};

export interface FrameworkSnapshotView {
  readonly framework: SnapshotFramework;
  readonly dimensions: readonly SnapshotDimension[];
  readonly indicators: readonly SnapshotIndicator[];
}

const bilingual = {
  type: 'object',
  required: ['zh', 'en'],
  properties: { zh: { type: 'string' }, en: { type: 'string' } },
} as const;
const goalpost = { type: 'object', required: ['value'], properties: { value: { type: 'number' } } } as const;

export const readFrameworkSnapshot = compileValidator<FrameworkSnapshotView>('framework snapshot', {
  type: 'object',
  required: ['framework', 'dimensions', 'indicators'],
  properties: {
    framework: {
      type: 'object',
      required: ['id', 'version', 'name', 'root', 'methods'],
      properties: {
        id: { type: 'string' },
        version: { type: 'string' },
        name: bilingual,
        root: {
          type: 'object',
          required: ['id', 'name'],
          properties: { id: { type: 'string' }, name: bilingual },
        },
        methods: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            required: ['method'],
            properties: { method: { type: 'string' } },
          },
        },
      },
    },
    dimensions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name'],
        properties: { id: { type: 'string' }, name: bilingual },
      },
    },
    indicators: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'id',
          'version',
          'name',
          'dimension',
          'unit',
          'direction',
          'formula',
          'goalposts',
          'thresholds',
        ],
        properties: {
          id: { type: 'string' },
          version: { type: 'string' },
          name: bilingual,
          dimension: { type: 'string' },
          unit: bilingual,
          direction: { enum: ['higher', 'lower'] },
          formula: { type: 'string' },
          inputs: {
            type: 'object',
            required: ['properties'],
            properties: { properties: { type: 'object' } },
          },
          goalposts: {
            type: 'object',
            required: ['floor', 'target'],
            properties: { floor: goalpost, target: goalpost },
          },
          thresholds: {
            type: 'object',
            required: ['green', 'yellow', 'orange'],
            properties: { green: { type: 'number' }, yellow: { type: 'number' }, orange: { type: 'number' } },
          },
        },
      },
    },
  },
});
