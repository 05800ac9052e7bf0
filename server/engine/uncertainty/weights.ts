/**
 * The weights factor: the framework's weights grouped by parent (with the base run's own overrides
 * applied), and one perturbed draw of them. A draw is a full `weights` map for the framework
 * weighting method, so a replication's weights are plain JSON and replay exactly.
 *
 * - uniform: w′ = w × (1 + range × (2u − 1)), u ~ U[0, 1), independently per child;
 * - dirichlet: per parent, the positive-weight children's shares s are drawn from
 *   Dirichlet(concentration × s), whose mean is s; children weighing 0 stay at 0.
 *
 * @example
 * const groups = weightGroups(input.tree, {}, undefined);   // [{ parent: 'index', children: […] } …]
 * drawWeights(randomStream(1), groups, { method: 'uniform', range: 0.2 }) // { coverage: 1.13, … }
 */
import type { ProblemDetail } from '../../errors.js';
import type { EngineTree } from '../types.js';
import { dirichlet, uniform } from './distributions.js';
import type { Xoshiro128 } from './prng.js';
import type { WeightPerturbation } from './spec.js';

export interface WeightGroup {
  readonly parent: string;
  readonly children: readonly string[];
  /** The weights the base run uses, aligned with `children`. */
  readonly weights: readonly number[];
  /** Whether this group is perturbed. */
  readonly varied: boolean;
}

/** The children of every parent, in the order the tree lists them (nodes, then indicators). */
export function weightGroups(
  tree: EngineTree,
  overrides: Readonly<Record<string, number>>,
  parents: readonly string[] | undefined,
  problems: ProblemDetail[],
): WeightGroup[] {
  const groups = new Map<string, { children: string[]; weights: number[] }>([
    [tree.root, { children: [], weights: [] }],
  ]);
  for (const node of tree.nodes) groups.set(node.id, { children: [], weights: [] });
  const add = (id: string, parent: string, weight: number): void => {
    const group = groups.get(parent);
    if (group === undefined) return; // the pipeline's own checks report an unknown parent
    group.children.push(id);
    group.weights.push(overrides[id] ?? weight);
  };
  for (const node of tree.nodes) add(node.id, node.parent ?? tree.root, node.weight);
  for (const indicator of tree.indicators) add(indicator.id, indicator.parent, indicator.weight);
  for (const parent of parents ?? []) {
    if (!groups.has(parent)) {
      problems.push({
        where: 'uncertainty.weights.parents',
        message: `"${parent}" is not the root or a node of this framework`,
      });
    }
  }
  const chosen = parents === undefined ? undefined : new Set(parents);
  return [...groups].map(([parent, group]) => ({
    parent,
    ...group,
    varied: chosen === undefined || chosen.has(parent),
  }));
}

/** One perturbed weight for every child of every group (unvaried groups keep their weights). */
export function drawWeights(
  rng: Xoshiro128,
  groups: readonly WeightGroup[],
  perturbation: WeightPerturbation,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const group of groups) {
    const drawn = group.varied ? perturb(rng, group.weights, perturbation) : group.weights;
    group.children.forEach((child, j) => {
      out[child] = drawn[j] ?? 0;
    });
  }
  return out;
}

function perturb(rng: Xoshiro128, weights: readonly number[], perturbation: WeightPerturbation): number[] {
  if (perturbation.method === 'uniform') {
    const { range } = perturbation;
    return weights.map((w) => w * (1 + uniform(rng, -range, range)));
  }
  const total = weights.reduce((sum, w) => sum + w, 0);
  const positive = weights.flatMap((w, j) => (w > 0 ? [j] : []));
  if (positive.length < 2 || !(total > 0)) return [...weights];
  const shares = dirichlet(
    rng,
    positive.map((j) => (perturbation.concentration * (weights[j] ?? 0)) / total),
  );
  const out = weights.map(() => 0);
  positive.forEach((j, k) => {
    out[j] = shares[k] ?? 0;
  });
  return out;
}
