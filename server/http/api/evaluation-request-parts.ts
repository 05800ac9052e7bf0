/**
 * The schema pieces that a new evaluation (POST /evaluations) and a new version
 * (POST /evaluations/:id/versions) share: its label, its periods and the method chosen per stage.
 * A stage's choice is checked against the parameters its methods declare (the framework schema's
 * own `methods`); the engine checks the method name and each parameter in full before any work.
 */
import { DATA_SOURCES } from '../../domain/data-source.js';
import { CHOICE_STAGES } from '../../evaluation/stored-choices.js';
import { methodsSchema } from '../../indicators/methods-schema.js';
import { MAX_EXPECTED_ATTRIBUTES } from '../../engine/context/expected/expected-choice.js';

export const evaluationLabelSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['zh', 'en'],
  properties: {
    zh: { type: 'string', minLength: 1, maxLength: 200 },
    en: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;

export const evaluationPeriodsSchema = {
  type: 'array',
  minItems: 1,
  maxItems: 40,
  uniqueItems: true,
  items: { type: 'string', pattern: '^[0-9]{4}([QMH][0-9]{1,2})?$' },
} as const;

const attributeNames = {
  type: 'array',
  maxItems: MAX_EXPECTED_ATTRIBUTES,
  uniqueItems: true,
  items: { type: 'string', minLength: 1, maxLength: 100 },
} as const;

/** The expected score's settings (issue 16): the engine checks the attributes against the register. */
const expectedChoiceSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { method: { enum: ['ols', 'none'] }, attributes: attributeNames, log: attributeNames },
} as const;

/** The peer definition (server/engine/context/peers/peer-choice.ts checks the attributes against the register). */
const peerChoiceSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['method'],
  properties: {
    method: { enum: ['register', 'nearest'] },
    k: { type: 'integer', minimum: 1, maximum: 50 },
    attributes: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string' } },
  },
} as const;

/** Per stage, the method and the parameters its methods declare: the schema a framework's `methods` passes. */
export const methodChoicesSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...Object.fromEntries(CHOICE_STAGES.map((stage) => [stage, methodsSchema().properties[stage]])),
    progress: {
      type: 'object',
      additionalProperties: false,
      description:
        'Progress over several periods: the base period and the target period (default: first period, latest + 5 years).',
      properties: {
        base: { type: 'string', pattern: '^[0-9]{4}([QMH][0-9]{1,2})?$' },
        target_period: { type: 'string', pattern: '^[0-9]{4}([QMH][0-9]{1,2})?$' },
      },
    },
    expected: expectedChoiceSchema,
    peers: peerChoiceSchema,
    sources: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      description:
        'Which data sources count, most preferred first (default third_party, street, self): per unit and variable the value of the first source that has one.',
      items: { enum: DATA_SOURCES },
    },
  },
};
