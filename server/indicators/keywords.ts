/**
 * The two custom keywords of an inputs schema, `unit` and `label`: annotations (they never fail a
 * value) whose own value must be bilingual text. Defining them lets ajv's strict mode accept them
 * and check their shape when an inputs schema is compiled.
 *
 * @example ajv.addKeyword(unitKeyword) // then { type: 'integer', unit: { zh: '户', en: 'households' } } compiles
 */
import type { KeywordDefinition } from 'ajv/dist/2020.js';

const bilingualMetaSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['zh', 'en'],
  properties: { zh: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
} as const;

export const unitKeyword: KeywordDefinition = {
  keyword: 'unit',
  type: ['number', 'null'],
  schemaType: 'object',
  metaSchema: bilingualMetaSchema,
};

export const labelKeyword: KeywordDefinition = {
  keyword: 'label',
  type: ['number', 'null'],
  schemaType: 'object',
  metaSchema: bilingualMetaSchema,
};
