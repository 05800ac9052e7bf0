/**
 * Checks an aggregation tree and prepares it for the stages: every node's children (indicators and
 * inner nodes) with their framework weights, in an order where children come before their parents
 * (the root last). Every problem is recorded at once: unknown parents, duplicate ids, cycles, nodes
 * without children, weights that are negative or sum to zero, goalposts or thresholds that contradict
 * the direction.
 *
 * @example
 * prepareTree({ root: 'index', nodes: [{ id: 'a', weight: 1 }], indicators: [x, y] }, problems)
 * // aggregates: [a (children x, y), index (children a)]
 */
import type { ProblemDetail } from '../errors.js';
import type { EngineIndicator, EngineTree } from './types.js';

export interface TreeAggregate {
  readonly id: string;
  /** The parent node; undefined for the root. */
  readonly parent: string | undefined;
  readonly children: readonly string[];
  /** The framework weights of the children, aligned with `children`. */
  readonly childWeights: Float64Array;
  /** Indicators have height 0; a node is one above its tallest child. */
  readonly height: number;
}

export interface PreparedTree {
  readonly root: string;
  readonly indicators: readonly EngineIndicator[];
  readonly indicatorIds: readonly string[];
  /** Inner nodes and the root, children before parents. */
  readonly aggregates: readonly TreeAggregate[];
  readonly aggregateById: ReadonlyMap<string, TreeAggregate>;
  readonly indicatorById: ReadonlyMap<string, EngineIndicator>;
}

export function prepareTree(tree: EngineTree, problems: ProblemDetail[]): PreparedTree {
  const problem = (where: string, message: string): void => {
    problems.push({ where, message });
  };
  const weightOf = new Map<string, number>();
  const parentOf = new Map<string, string>();
  const children = new Map<string, string[]>([[tree.root, []]]);
  const indicatorById = new Map<string, EngineIndicator>();

  if (tree.root === '') problem('tree.root', 'the root needs an id');
  for (const node of tree.nodes) {
    if (node.id === tree.root || children.has(node.id)) problem(`tree.nodes.${node.id}`, 'duplicate id');
    else children.set(node.id, []);
  }
  for (const indicator of tree.indicators) {
    if (children.has(indicator.id) || indicatorById.has(indicator.id)) {
      problem(
        `tree.indicators.${indicator.id}`,
        'duplicate id: an indicator id must differ from every other id',
      );
    }
    indicatorById.set(indicator.id, indicator);
    checkIndicator(indicator, problem);
  }
  const link = (kind: string, id: string, parent: string, weight: number): void => {
    if (!Number.isFinite(weight) || weight < 0) {
      problem(`tree.${kind}.${id}.weight`, `must be a finite number ≥ 0, found ${weight}`);
    }
    weightOf.set(id, weight);
    const siblings = children.get(parent);
    if (siblings === undefined) {
      problem(
        `tree.${kind}.${id}.parent`,
        `unknown parent "${parent}": it must be the root or a listed node`,
      );
      return;
    }
    siblings.push(id);
    parentOf.set(id, parent);
  };
  for (const node of tree.nodes) link('nodes', node.id, node.parent ?? tree.root, node.weight);
  for (const indicator of tree.indicators)
    link('indicators', indicator.id, indicator.parent, indicator.weight);

  const heights = new Map<string, number>();
  const heightOf = (id: string, path: readonly string[]): number => {
    if (indicatorById.has(id)) return 0;
    const known = heights.get(id);
    if (known !== undefined) return known;
    if (path.includes(id)) {
      problem(`tree.nodes.${id}.parent`, `cycle: ${[...path, id].join(' → ')}`);
      return 0;
    }
    const kids = children.get(id) ?? [];
    const height = 1 + Math.max(0, ...kids.map((kid) => heightOf(kid, [...path, id])));
    heights.set(id, height);
    return height;
  };
  heightOf(tree.root, []);
  for (const node of tree.nodes) {
    if (!heights.has(node.id) && parentOf.has(node.id)) {
      problem(`tree.nodes.${node.id}.parent`, `cycle: "${node.id}" never reaches the root "${tree.root}"`);
    }
  }

  const aggregates: TreeAggregate[] = [];
  for (const [id, kids] of children) {
    if (!heights.has(id)) continue;
    if (kids.length === 0)
      problem(`tree.nodes.${id}`, 'has no indicators or sub-dimensions: remove it or give it children');
    const childWeights = Float64Array.from(kids, (kid) => weightOf.get(kid) ?? 0);
    if (kids.length > 0 && childWeights.reduce((sum, w) => sum + w, 0) <= 0) {
      problem(
        `tree.nodes.${id}`,
        `the weights of its children (${kids.join(', ')}) sum to zero: give at least one a positive weight`,
      );
    }
    aggregates.push({
      id,
      parent: parentOf.get(id),
      children: kids,
      childWeights,
      height: heights.get(id) ?? 1,
    });
  }
  // Stable sort: by height, root last, otherwise in the order given.
  aggregates.sort((a, b) => a.height - b.height || Number(a.id === tree.root) - Number(b.id === tree.root));

  return {
    root: tree.root,
    indicators: tree.indicators,
    indicatorIds: tree.indicators.map((i) => i.id),
    aggregates,
    aggregateById: new Map(aggregates.map((a) => [a.id, a])),
    indicatorById,
  };
}

function checkIndicator(indicator: EngineIndicator, problem: (where: string, message: string) => void): void {
  const where = `tree.indicators.${indicator.id}`;
  if ((indicator.direction as number) !== 1 && (indicator.direction as number) !== -1) {
    problem(
      `${where}.direction`,
      `must be 1 (higher is better) or -1 (lower is better), found ${indicator.direction}`,
    );
  }
  const posts = indicator.goalposts;
  if (posts !== undefined) {
    if (!Number.isFinite(posts.floor) || !Number.isFinite(posts.target)) {
      problem(`${where}.goalposts`, 'floor and target must be finite numbers');
    } else if ((posts.target - posts.floor) * indicator.direction <= 0) {
      problem(
        `${where}.goalposts`,
        indicator.direction === 1
          ? `higher is better, so the target must be above the floor (floor ${posts.floor}, target ${posts.target})`
          : `lower is better, so the target must be below the floor (floor ${posts.floor}, target ${posts.target})`,
      );
    }
  }
  const t = indicator.thresholds;
  if (t !== undefined) {
    const ordered =
      indicator.direction === 1
        ? t.green >= t.yellow && t.yellow >= t.orange
        : t.green <= t.yellow && t.yellow <= t.orange;
    if (!ordered) {
      problem(
        `${where}.thresholds`,
        indicator.direction === 1
          ? 'higher is better, so green ≥ yellow ≥ orange'
          : 'lower is better, so green ≤ yellow ≤ orange',
      );
    }
  }
}
