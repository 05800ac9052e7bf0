/**
 * Equal weights: every child of every node weighs the same.
 *
 * @example { "method": "equal" } // a node with 4 indicators gives each 1 (i.e. a quarter)
 */
import type { WeightingMethod } from './contract.js';

export const equal: WeightingMethod<'equal'> = {
  name: 'equal',
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
