/**
 * Weights from the framework (expert weights): each node's and indicator's weight within its parent,
 * optionally overridden by `weights`, a map from id to a relative weight (a custom weight set such as
 * COINr's w = data frame of iCode and Weight).
 *
 * @example { "method": "framework", "weights": { "Physical": 2, "Social": 0.5 } }
 */
import { ID, paramsSchema } from '../param-schemas.js';
import type { ParamReader } from '../../params.js';
import { describe } from '../../params.js';
import type { EngineInput } from '../../types.js';
import type { WeightingMethod } from './contract.js';

export const framework: WeightingMethod<'framework'> = {
  name: 'framework',
  params: paramsSchema({
    weights: {
      type: 'object',
      propertyNames: ID,
      additionalProperties: { type: 'number', minimum: 0 },
      title: 'relative weights by dimension or indicator id, overriding the listed ones',
    },
  }),
  label: { zh: '框架（专家）权重', en: 'framework (expert) weights' },
  explain: {
    zh: '采用框架规定的专家权重。',
    en: 'Uses the expert weights the framework lists.',
  },
  prepare(reader, input) {
    const overrides = readWeightMap(reader, input);
    return {
      name: 'framework',
      params: overrides.size === 0 ? {} : { weights: Object.fromEntries(overrides) },
      needsNonNegative: false,
      run: ({ tree }) => {
        const weights = new Map<string, Float64Array>();
        for (const node of tree.aggregates) {
          weights.set(
            node.id,
            Float64Array.from(node.children, (child, j) => overrides.get(child) ?? node.childWeights[j] ?? 0),
          );
        }
        return { weights, notes: [] };
      },
    };
  },
};

/** Reads `weights`: known ids, finite weights ≥ 0, and no parent left with children weighing zero in total. */
function readWeightMap(reader: ParamReader, input: EngineInput): Map<string, number> {
  const raw = reader.raw('weights');
  const overrides = new Map<string, number>();
  if (raw === undefined) return overrides;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    reader.problem('weights', `must map ids to weights, e.g. { "coverage": 2 }, found ${describe(raw)}`);
    return overrides;
  }
  const tree = input.tree;
  const parentOf = new Map<string, string>([
    ...tree.nodes.map((n): [string, string] => [n.id, n.parent ?? tree.root]),
    ...tree.indicators.map((i): [string, string] => [i.id, i.parent]),
  ]);
  for (const [id, weight] of Object.entries(raw as Record<string, unknown>)) {
    if (id === tree.root) continue; // the root's own weight plays no part
    if (!parentOf.has(id)) reader.problem(`weights.${id}`, 'is not a node or indicator of this framework');
    else if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      reader.problem(`weights.${id}`, `must be a finite number ≥ 0, found ${describe(weight)}`);
    } else overrides.set(id, weight);
  }
  const totals = new Map<string, number>();
  for (const [id, parent] of parentOf) {
    const own =
      overrides.get(id) ??
      tree.nodes.find((n) => n.id === id)?.weight ??
      tree.indicators.find((i) => i.id === id)?.weight;
    totals.set(parent, (totals.get(parent) ?? 0) + (own ?? 0));
  }
  for (const [parent, total] of totals) {
    if (total <= 0)
      reader.problem(
        'weights',
        `the children of "${parent}" would weigh zero in total: give one a positive weight`,
      );
  }
  return overrides;
}
