/**
 * Variable declarations given as JSON (`import data --variables FILE.json`, or an API body): an
 * array of { name, type, minimum?, maximum?, exclusiveMinimum?, exclusiveMaximum?, label, unit },
 * checked by a compiled ajv validator.
 *
 * @example asIntakeVariables(JSON.parse(text)) // IntakeVariable[] or a ValidationError naming each bad path
 */
import { compileValidator } from '../validation/compile.js';
import { bilingualSchema, NAME_PATTERN } from '../domain/schemas.js';
import type { IntakeVariable } from './intake-variable.js';

export const asIntakeVariables = compileValidator<IntakeVariable[]>('variables', {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'type', 'label', 'unit'],
    properties: {
      name: { type: 'string', pattern: NAME_PATTERN },
      type: { enum: ['integer', 'number'] },
      minimum: { type: 'number' },
      maximum: { type: 'number' },
      exclusiveMinimum: { type: 'number' },
      exclusiveMaximum: { type: 'number' },
      label: bilingualSchema,
      unit: {
        type: 'object',
        additionalProperties: false,
        required: ['zh', 'en'],
        properties: { zh: { type: 'string' }, en: { type: 'string' } },
      },
    },
  },
});
