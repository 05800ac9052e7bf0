/**
 * The schema pieces that a new evaluation (POST /evaluations) and a new version
 * (POST /evaluations/:id/versions) share: its label, its periods and the method chosen per stage.
 * The engine checks every method and parameter in full before any work; these only keep the shape.
 */
import { CHOICE_STAGES } from '../../evaluation/stored-choices.js';

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

const stageChoice = {
  type: 'object',
  required: ['method'],
  properties: { method: { type: 'string', maxLength: 40 } },
};

export const methodChoicesSchema = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(CHOICE_STAGES.map((stage) => [stage, stageChoice])),
};
