/**
 * The targets section of stored results (targets that fit), narrowed from JSON: null when the
 * evaluation's framework had no overrides or the results predate them. A present but malformed
 * section is refused like any bad stored document.
 *
 * @example readTargetsSection(await store.evaluations.readResults(id))?.overrides[0]?.justification.zh
 */
import type { TargetsDocument } from '../../evaluation/targets-document.js';
import { compileValidator } from '../../validation/compile.js';

const text = {
  type: 'object',
  required: ['zh', 'en'],
  properties: { zh: { type: 'string' }, en: { type: 'string' } },
} as const;
const rowTable = {
  type: 'object',
  additionalProperties: { type: 'array', items: { type: ['integer', 'null'] } },
} as const;

const readTargets = compileValidator<TargetsDocument>('targets that fit', {
  type: 'object',
  required: ['overrides', 'rows', 'levelRows'],
  properties: {
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        required: ['indicator', 'when', 'justification', 'units'],
        properties: {
          indicator: { type: 'string' },
          when: { type: 'object' },
          justification: text,
          units: { type: 'array', items: { type: 'integer' } },
        },
      },
    },
    rows: rowTable,
    levelRows: { type: 'array', items: rowTable },
  },
});

export function readTargetsSection(stored: unknown): TargetsDocument | null {
  if (stored === null || typeof stored !== 'object' || !('targets' in stored)) return null;
  const targets = (stored as { targets?: unknown }).targets;
  return targets === undefined ? null : readTargets(targets, 'results.targets');
}
