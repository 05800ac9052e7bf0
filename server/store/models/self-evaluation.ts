/**
 * Self-evaluations as the store keeps them (server/domain/self-evaluation.ts): a separate
 * collection from the evaluations, so no list, picker, export or report of evaluations can ever
 * reach one by accident; read only by id together with its owner, or listed by owner.
 */
import { compileValidator } from '../../validation/compile.js';
import type { SelfEvaluation } from '../../domain/self-evaluation.js';

export type { SelfEvaluation };

export type NewSelfEvaluation = Omit<SelfEvaluation, 'id' | 'createdAt'>;

const text = { type: 'string', minLength: 1, maxLength: 200 } as const;

export const asNewSelfEvaluation = compileValidator<NewSelfEvaluation>('self-evaluation', {
  type: 'object',
  additionalProperties: false,
  required: ['ownerId', 'ownerLogin', 'unit', 'framework', 'periods', 'methods', 'notes', 'standing'],
  properties: {
    ownerId: text,
    ownerLogin: text,
    unit: text,
    framework: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'version', 'hash'],
      properties: { id: text, version: text, hash: text },
    },
    periods: { type: 'array', minItems: 1, maxItems: 50, items: text },
    methods: { type: 'object' },
    notes: { type: 'array', maxItems: 20, items: text },
    standing: {
      type: 'object',
      required: ['periods', 'root', 'nodes', 'indicators', 'weakestDimension', 'improvements'],
      properties: {
        periods: { type: 'array', items: text },
        root: text,
        nodes: { type: 'array', items: { type: 'object' } },
        indicators: { type: 'array', items: { type: 'object' } },
        weakestDimension: { type: 'array' },
        improvements: { type: 'array', items: { type: 'object' } },
      },
    },
  },
});
