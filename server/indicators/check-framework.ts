/**
 * Framework cross-checks: every listed dimension and indicator exists (once), the listed nodes
 * form a complete tree (an indicator's dimension and a dimension's parent are listed too, and
 * every listed dimension has something under it), the root id is not also a node id, and every
 * stage names a known method with valid parameters; target overrides fit their indicator
 * (check-overrides.ts).
 */
import type { DimensionDefinition, FrameworkDefinition, IndicatorDefinition } from './definitions.js';
import { checkMethods, type FrameworkMethods } from './method-params.js';
import { checkOverrides } from './check-overrides.js';
import { pointer, type Problem } from './problem.js';

export interface KnownDefinitions {
  /** Ids claimed by indicator files, valid or not. */
  readonly indicatorIds: ReadonlySet<string>;
  /** Ids claimed by dimension files, valid or not. */
  readonly dimensionIds: ReadonlySet<string>;
  readonly indicators: ReadonlyMap<string, IndicatorDefinition>;
  readonly dimensions: ReadonlyMap<string, DimensionDefinition>;
}

type Local = Omit<Problem, 'file'>;

function checkMembers(
  list: 'dimensions' | 'indicators',
  framework: FrameworkDefinition,
  own: ReadonlySet<string>,
  other: ReadonlySet<string>,
): Local[] {
  const problems: Local[] = [];
  const seen = new Set<string>();
  const kind = list === 'dimensions' ? 'dimension' : 'indicator';
  framework[list].forEach(({ id }, index) => {
    const at = pointer(list, index, 'id');
    if (seen.has(id)) {
      problems.push({
        pointer: at,
        expected: `each ${kind} listed once`,
        found: JSON.stringify(id),
        message: `${kind} listed twice`,
      });
    }
    seen.add(id);
    if (!own.has(id)) {
      const otherKind = list === 'dimensions' ? 'an indicator' : 'a dimension';
      problems.push({
        pointer: at,
        expected: `the id of ${kind === 'indicator' ? 'an' : 'a'} ${kind}`,
        found: other.has(id) ? `${JSON.stringify(id)}, which is ${otherKind}` : JSON.stringify(id),
        message: `unknown ${kind}`,
      });
    }
  });
  return problems;
}

function checkTree(framework: FrameworkDefinition, known: KnownDefinitions): Local[] {
  const problems: Local[] = [];
  const listedDimensions = new Set(framework.dimensions.map(({ id }) => id));
  const hasChildren = new Set<string>();
  framework.indicators.forEach(({ id }, index) => {
    const dimension = known.indicators.get(id)?.dimension;
    if (dimension === undefined) return;
    hasChildren.add(dimension);
    if (!listedDimensions.has(dimension)) {
      problems.push({
        pointer: pointer('indicators', index, 'id'),
        expected: `its dimension ${JSON.stringify(dimension)} listed in /dimensions`,
        found: `${JSON.stringify(id)} without its dimension`,
        message: "the indicator's dimension is not in this framework",
      });
    }
  });
  framework.dimensions.forEach(({ id }, index) => {
    const parent = known.dimensions.get(id)?.parent;
    if (parent === undefined) return;
    hasChildren.add(parent);
    if (!listedDimensions.has(parent)) {
      problems.push({
        pointer: pointer('dimensions', index, 'id'),
        expected: `its parent ${JSON.stringify(parent)} listed in /dimensions`,
        found: `${JSON.stringify(id)} without its parent`,
        message: "the dimension's parent is not in this framework",
      });
    }
  });
  framework.dimensions.forEach(({ id }, index) => {
    if (known.dimensions.has(id) && !hasChildren.has(id)) {
      problems.push({
        pointer: pointer('dimensions', index, 'id'),
        expected: 'at least one indicator or dimension of this framework under it',
        found: `nothing under ${JSON.stringify(id)}`,
        message: 'empty dimension',
      });
    }
  });
  const rootId = framework.root.id;
  if (listedDimensions.has(rootId) || framework.indicators.some(({ id }) => id === rootId)) {
    problems.push({
      pointer: pointer('root', 'id'),
      expected: 'an id that is not also a dimension or indicator of this framework',
      found: JSON.stringify(rootId),
      message: 'root id clashes with a node id',
    });
  }
  return problems;
}

export function checkFramework(
  file: string,
  framework: FrameworkDefinition,
  known: KnownDefinitions,
): { problems: Problem[]; methods?: FrameworkMethods } {
  const methods = checkMethods(framework.methods);
  const local = [
    ...checkMembers('dimensions', framework, known.dimensionIds, known.indicatorIds),
    ...checkMembers('indicators', framework, known.indicatorIds, known.dimensionIds),
    ...checkTree(framework, known),
    ...checkOverrides(framework, known),
    ...methods.problems,
  ];
  const problems = local.map((problem) => ({ file, ...problem }));
  return methods.methods === undefined ? { problems } : { problems, methods: methods.methods };
}
