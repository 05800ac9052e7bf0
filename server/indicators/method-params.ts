/**
 * Which parameters each method takes (required ones and optional ones), read from the schema each
 * engine method declares beside its code, and the checks a schema cannot express: a minmax or
 * goalposts range with low < high, an AHP matrix that is square, reciprocal and has 1 on its
 * diagonal. Parameter types are checked by the same declared schemas (methods-schema.ts); defaults,
 * and checks that need the data or the tree, belong to the engine's methods.
 *
 * @example checkMethods(framework.methods).problems // [] when every choice is valid
 */
import {
  METHOD_NAMES,
  isMethodName,
  methodDeclaration,
  type MethodName,
  type Stage,
} from '../engine/method-names.js';
import type { ParamsSchema } from '../engine/methods/method.js';
import type { StageChoiceInput } from './definitions.js';
import { describeValue, oneOf, pointer } from './problem.js';

export const STAGES = Object.keys(METHOD_NAMES) as Stage[];

/** A framework's methods once checked: each stage names a known method of that stage. */
export type FrameworkMethods = {
  readonly [S in Stage]: { readonly method: MethodName<S> } & Readonly<Record<string, unknown>>;
};

/** A problem inside a framework file, before the file name is attached. */
export interface LocalProblem {
  readonly pointer: string;
  readonly expected: string;
  readonly found: string;
  readonly message: string;
}

const RECIPROCAL_TOLERANCE = 1e-6;

function checkAhpMatrix(matrix: unknown, at: string): LocalProblem[] {
  if (!Array.isArray(matrix)) return [];
  const rows = matrix as unknown[];
  const size = rows.length;
  const problems: LocalProblem[] = [];
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== size) {
      problems.push({
        pointer: `${at}/${i}`,
        expected: `${size} numbers (the matrix has ${size} rows)`,
        found: describeValue(row),
        message: 'AHP matrix is not square',
      });
    }
  });
  if (problems.length > 0) return problems;
  const cell = (i: number, j: number): number => {
    const row = rows[i] as unknown[];
    return Number(row[j]);
  };
  for (let i = 0; i < size; i++) {
    if (cell(i, i) !== 1) {
      problems.push({
        pointer: `${at}/${i}/${i}`,
        expected: '1 on the diagonal',
        found: String(cell(i, i)),
        message: 'AHP matrix compares an item with itself',
      });
    }
    for (let j = i + 1; j < size; j++) {
      if (Math.abs(cell(i, j) * cell(j, i) - 1) > RECIPROCAL_TOLERANCE) {
        problems.push({
          pointer: `${at}/${j}/${i}`,
          expected: `1/${cell(i, j)} (the reciprocal of [${i}][${j}])`,
          found: String(cell(j, i)),
          message: 'AHP matrix is not reciprocal',
        });
      }
    }
  }
  return problems;
}

function checkParams(
  stage: Stage,
  method: string,
  choice: StageChoiceInput,
  params: ParamsSchema,
): LocalProblem[] {
  const at = pointer('methods', stage);
  const allowed = Object.keys(params.properties);
  const problems: LocalProblem[] = [];
  for (const name of Object.keys(choice)) {
    if (name !== 'method' && !allowed.includes(name)) {
      problems.push({
        pointer: `${at}/${name}`,
        expected:
          allowed.length === 0 ? `no parameters for ${method}` : `parameters of ${method}: ${oneOf(allowed)}`,
        found: JSON.stringify(name),
        message: `${method} does not take this parameter`,
      });
    }
  }
  for (const name of params.required) {
    if (!Object.hasOwn(choice, name)) {
      problems.push({
        pointer: `${at}/${name}`,
        expected: `parameter ${JSON.stringify(name)}`,
        found: 'nothing',
        message: `${method} needs this parameter`,
      });
    }
  }
  const range = choice.range;
  if (Array.isArray(range)) {
    const [low, high] = range as unknown[];
    if (typeof low === 'number' && typeof high === 'number' && !(low < high)) {
      problems.push({
        pointer: `${at}/range`,
        expected: 'low < high',
        found: `[${low}, ${high}]`,
        message: 'the normalisation range is empty or reversed',
      });
    }
  }
  problems.push(...checkAhpMatrix(choice.matrix, `${at}/matrix`));
  const matrices = choice.matrices;
  if (matrices !== null && typeof matrices === 'object') {
    for (const [node, spec] of Object.entries(matrices as Record<string, unknown>)) {
      const matrix: unknown =
        spec !== null && typeof spec === 'object' && 'matrix' in spec ? spec.matrix : undefined;
      problems.push(...checkAhpMatrix(matrix, `${at}/matrices/${node}/matrix`));
    }
  }
  return problems;
}

/** Checks every stage's method name and parameters; returns the methods, typed, when all are valid. */
export function checkMethods(methods: Readonly<Record<Stage, StageChoiceInput>>): {
  problems: LocalProblem[];
  methods?: FrameworkMethods;
} {
  const problems: LocalProblem[] = [];
  for (const stage of STAGES) {
    const choice = methods[stage];
    const method = choice.method;
    if (!isMethodName(stage, method)) {
      problems.push({
        pointer: pointer('methods', stage, 'method'),
        expected: oneOf(METHOD_NAMES[stage]),
        found: JSON.stringify(method),
        message: `unknown ${stage} method`,
      });
      continue;
    }
    problems.push(...checkParams(stage, method, choice, methodDeclaration(stage, method).params));
  }
  if (problems.length > 0) return { problems };
  // Every stage's method was just checked against its stage's names.
  return { problems, methods: methods as FrameworkMethods };
}
