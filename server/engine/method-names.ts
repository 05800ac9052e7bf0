/**
 * The methods a framework may choose for each engine stage, and their names. Both are derived from
 * the name maps under server/engine/methods/<stage>/index.ts, whose entries declare their parameters
 * and labels beside their code; frameworks are validated against these names at load time.
 *
 * @example METHOD_NAMES.normalisation.includes('minmax') === true
 */
import { aggregationMethods } from './methods/aggregation/index.js';
import { imputationMethods } from './methods/imputation/index.js';
import type { MethodDeclaration } from './methods/method.js';
import { normalisationMethods } from './methods/normalisation/index.js';
import { periodsMethods } from './methods/periods/index.js';
import { rollupMethods } from './methods/rollup/index.js';
import { screeningMethods } from './methods/screening/index.js';
import { treatmentMethods } from './methods/treatment/index.js';
import { weightingMethods } from './methods/weighting/index.js';

/** Every stage's name map, in the order the pipeline runs the stages (roll-up and periods last). */
export const METHODS = {
  imputation: imputationMethods,
  screening: screeningMethods,
  treatment: treatmentMethods,
  normalisation: normalisationMethods,
  weighting: weightingMethods,
  aggregation: aggregationMethods,
  rollup: rollupMethods,
  periods: periodsMethods,
};

export type Stage = keyof typeof METHODS;
export type MethodName<S extends Stage> = keyof (typeof METHODS)[S] & string;

function namesOf<S extends Stage>(stage: S): readonly MethodName<S>[] {
  return Object.keys(METHODS[stage]) as MethodName<S>[];
}

export const METHOD_NAMES: { readonly [S in Stage]: readonly MethodName<S>[] } = {
  imputation: namesOf('imputation'),
  screening: namesOf('screening'),
  treatment: namesOf('treatment'),
  normalisation: namesOf('normalisation'),
  weighting: namesOf('weighting'),
  aggregation: namesOf('aggregation'),
  rollup: namesOf('rollup'),
  periods: namesOf('periods'),
};

export function isMethodName<S extends Stage>(stage: S, name: string): name is MethodName<S> {
  return (METHOD_NAMES[stage] as readonly string[]).includes(name);
}

/** What one method of a stage declares (name, parameter schema, labels), looked up by name. */
export function methodDeclaration<S extends Stage>(stage: S, name: MethodName<S>): MethodDeclaration<string> {
  const declarations: Readonly<Record<string, MethodDeclaration<string>>> = METHODS[stage];
  const declaration = declarations[name];
  if (declaration === undefined) throw new Error(`engine: no ${stage} method named ${name}`);
  return declaration;
}

/** Every method of a stage with its declaration, in the name map's order. */
export function stageDeclarations(stage: Stage): readonly MethodDeclaration<string>[] {
  return Object.values<MethodDeclaration<string>>(METHODS[stage]);
}
