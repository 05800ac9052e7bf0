/**
 * Equal weights: every child of every node weighs the same.
 *
 * @example { "method": "equal" } // a node with 4 indicators gives each 1 (i.e. a quarter)
 */
import { paramsSchema } from '../param-schemas.js';
import type { WeightingMethod } from './contract.js';

export const equal: WeightingMethod<'equal'> = {
  name: 'equal',
  params: paramsSchema(),
  label: { zh: '等权', en: 'equal weights' },
  explain: {
    zh: '同一上级下的各项权重相等。',
    en: 'Every child of a node weighs the same.',
  },
  prepare: () => ({
    name: 'equal',
    params: {},
    needsNonNegative: false,
    run: ({ tree }) => ({
      weights: new Map(
        tree.aggregates.map((node) => [node.id, new Float64Array(node.children.length).fill(1)]),
      ),
      notes: [],
    }),
  }),
};
