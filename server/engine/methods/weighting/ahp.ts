/**
 * AHP weights from pairwise-comparison matrices (Saaty): for each node given, the principal
 * eigenvector of its matrix, with the consistency ratio checked before any work; CR ≥ 0.1 is refused
 * unless `override_cr` is true. Nodes without a matrix keep their framework weights. Give one matrix
 * with `matrix` (for `node`, default the root) or several with `matrices`; rows and columns follow
 * `children` (default: the node's children in framework order).
 *
 * @example { "method": "ahp", "node": "index", "children": ["coverage", "autonomy"], "matrix": [[1, 3], [0.3333333333333333, 1]] }
 * → coverage 0.75, autonomy 0.25 (CR 0)
 */
import { CHILDREN, ID, MATRIX, paramsSchema } from '../param-schemas.js';
import type { ParamReader } from '../../params.js';
import { describe } from '../../params.js';
import type { EngineInput } from '../../types.js';
import type { LogValue } from '../../log.js';
import { ahpMatrixProblems, ahpWeights, type AhpResult } from './ahp-matrix.js';
import type { WeightingMethod } from './contract.js';

interface NodeMatrix {
  readonly node: string;
  readonly children: readonly string[];
  readonly matrix: readonly (readonly number[])[];
  readonly result: AhpResult;
}

export const ahp: WeightingMethod<'ahp'> = {
  name: 'ahp',
  params: paramsSchema({
    matrix: MATRIX,
    matrices: {
      type: 'object',
      propertyNames: ID,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['matrix'],
        properties: { children: CHILDREN, matrix: MATRIX },
      },
    },
    node: ID,
    children: CHILDREN,
    override_cr: { type: 'boolean' },
  }),
  label: { zh: '层次分析法', en: 'AHP' },
  explain: {
    zh: '权重来自专家两两比较矩阵，一致性比率须低于 0.1。',
    en: 'Weights come from experts’ pairwise comparisons, whose consistency ratio must stay below 0.1.',
  },
  prepare(reader, input) {
    const overrideCr = reader.boolean('override_cr', false);
    const matrices = readMatrices(reader, input, overrideCr);
    const params: Record<string, LogValue> = {
      override_cr: overrideCr,
      matrices: Object.fromEntries(
        matrices.map((m) => [m.node, { children: m.children, matrix: m.matrix, cr: m.result.cr }]),
      ),
    };
    return {
      name: 'ahp',
      params,
      needsNonNegative: false,
      run: ({ tree }) => {
        const weights = new Map<string, Float64Array>();
        for (const node of tree.aggregates) {
          const given = matrices.find((m) => m.node === node.id);
          weights.set(
            node.id,
            given === undefined
              ? node.childWeights
              : Float64Array.from(
                  node.children,
                  (child) => given.result.weights[given.children.indexOf(child)] ?? 0,
                ),
          );
        }
        const notes = matrices.map((m) => ({
          node: m.node,
          message: `AHP weights, consistency ratio ${m.result.cr.toFixed(4)}`,
          data: { lambdaMax: m.result.lambdaMax, ci: m.result.ci, cr: m.result.cr },
        }));
        return { weights, notes };
      },
    };
  },
};

function readMatrices(reader: ParamReader, input: EngineInput, overrideCr: boolean): NodeMatrix[] {
  const entries: [string, unknown, unknown, string][] = [];
  const single = reader.raw('matrix');
  const node = reader.string('node') ?? input.tree.root;
  const children = reader.raw('children');
  if (single !== undefined) entries.push([node, children, single, 'matrix']);
  const many = reader.raw('matrices');
  if (many !== undefined) {
    if (typeof many !== 'object' || many === null || Array.isArray(many)) {
      reader.problem(
        'matrices',
        `must map node ids to { "children": […], "matrix": [[…]] }, found ${describe(many)}`,
      );
    } else {
      for (const [id, spec] of Object.entries(many as Record<string, unknown>)) {
        const s = (typeof spec === 'object' && spec !== null ? spec : {}) as Record<string, unknown>;
        entries.push([id, s.children, s.matrix, `matrices.${id}`]);
      }
    }
  }
  if (entries.length === 0)
    reader.problem('matrix', 'is required: give a pairwise-comparison matrix (or "matrices")');

  const result: NodeMatrix[] = [];
  for (const [id, rawChildren, matrix, where] of entries) {
    const actual = childrenOf(input, id);
    if (actual === undefined) {
      reader.problem(where, `"${id}" is not a node of this framework`);
      continue;
    }
    const order = rawChildren === undefined ? actual : rawChildren;
    if (
      !Array.isArray(order) ||
      order.length !== actual.length ||
      !actual.every((child) => (order as unknown[]).includes(child))
    ) {
      reader.problem(`${where}.children`, `must list exactly the children of "${id}": ${actual.join(', ')}`);
      continue;
    }
    const problems = ahpMatrixProblems(matrix, actual.length);
    for (const message of problems) reader.problem(where, message);
    if (problems.length > 0) continue;
    const numbers = matrix as number[][];
    const ahpResult = ahpWeights(numbers);
    if (ahpResult.cr >= 0.1 && !overrideCr) {
      reader.problem(
        where,
        `consistency ratio ${ahpResult.cr.toFixed(3)} ≥ 0.1: revise the comparisons of "${id}" (or set override_cr: true)`,
      );
      continue;
    }
    result.push({ node: id, children: order as string[], matrix: numbers, result: ahpResult });
  }
  return result;
}

function childrenOf(input: EngineInput, id: string): string[] | undefined {
  const { tree } = input;
  const isNode = id === tree.root || tree.nodes.some((n) => n.id === id);
  if (!isNode) return undefined;
  return [
    ...tree.nodes.filter((n) => (n.parent ?? tree.root) === id).map((n) => n.id),
    ...tree.indicators.filter((i) => i.parent === id).map((i) => i.id),
  ];
}
