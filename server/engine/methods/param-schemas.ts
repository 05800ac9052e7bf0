/**
 * Builds a method's parameter schema, and the parameter schemas several methods share (an id, a
 * [low, high] range, an AHP matrix). Plain JSON Schema objects, in keywords that JSON Schema draft-07
 * and 2020-12 read alike: the registry (2020-12) and the API's request validator (draft-07) compile them.
 *
 * @example paramsSchema({ range: RANGE }) // { type: 'object', properties: { range: … }, required: [], additionalProperties: false }
 */
import type { ParamSchema, ParamsSchema } from './method.js';

export function paramsSchema(
  properties: Readonly<Record<string, ParamSchema>> = {},
  required: readonly string[] = [],
): ParamsSchema {
  return { type: 'object', properties, required, additionalProperties: false };
}

/** The id of a dimension, an indicator or the root. */
export const ID: ParamSchema = {
  type: 'string',
  pattern: '^[A-Za-z][A-Za-z0-9_]*$',
  title: 'an id: a letter, then letters, digits or _',
};

/** The output range of a normalisation. */
export const RANGE: ParamSchema = {
  type: 'array',
  items: { type: 'number' },
  minItems: 2,
  maxItems: 2,
  title: '[low, high] with low < high',
};

/** The ids a pairwise-comparison matrix's rows and columns follow. */
export const CHILDREN: ParamSchema = { type: 'array', minItems: 2, uniqueItems: true, items: ID };

/** A pairwise-comparison matrix on the Saaty scale. */
export const MATRIX: ParamSchema = {
  type: 'array',
  minItems: 2,
  items: { type: 'array', items: { type: 'number', exclusiveMinimum: 0 } },
  title: 'a square pairwise-comparison matrix (Saaty scale), rows and columns in the order of the children',
};
