/** A weighting input for a one-node tree over the given columns. */
import type { WeightingInput } from '../../../server/engine/methods/weighting/contract.js';
import { prepareTree } from '../../../server/engine/tree.js';
import type { EngineInput } from '../../../server/engine/types.js';
import { smallInput } from './small-input.js';

export function oneNodeInput(columns: readonly (readonly (number | null)[])[]): {
  input: EngineInput;
  weighting: WeightingInput;
} {
  const input = smallInput({
    units: (columns[0] ?? []).map((_, i) => `u${i}`),
    indicators: columns.map((values, j) => ({ id: `i${j}`, parent: 'index', values: [values] })),
  });
  const tree = prepareTree(input.tree, []);
  const normalised = new Map(
    columns.map((values, j) => [`i${j}`, Float64Array.from(values, (v) => v ?? Number.NaN)]),
  );
  return { input, weighting: { tree, normalised } };
}

export function weightsOf(weights: ReadonlyMap<string, Float64Array>, node = 'index'): number[] {
  return Array.from(weights.get(node) ?? []);
}
