/**
 * The progress section of stored results (server/evaluation/progress-document.ts), narrowed from
 * JSON: null when the evaluation was stored without it (before progress was computed). A present but
 * malformed section is refused like any bad stored document.
 *
 * @example readProgressSection(stored)?.status.index[row] // a code; names in .statuses
 */
import type { ProgressDocument } from '../../evaluation/progress-document.js';
import { compileValidator } from '../../validation/compile.js';

const numberColumns = {
  type: 'object',
  additionalProperties: { type: 'array', items: { type: 'number' } },
} as const;

/** Status codes and flags are kept as bytes (compact-progress.ts). */
const byteColumn = { type: 'array', items: { type: 'integer', minimum: 0, maximum: 255 } } as const;

const readProgress = compileValidator<ProgressDocument>('progress section', {
  type: 'object',
  required: ['base', 'targetPeriod', 'statuses', 'status', 'value', 'targets', 'counts', 'worseAndWorsening'],
  properties: {
    base: { type: 'string' },
    targetPeriod: { type: 'string' },
    statuses: { type: 'array', items: { type: 'string' } },
    status: { type: 'object', additionalProperties: byteColumn },
    value: { type: 'object', additionalProperties: { type: 'array', items: { type: ['number', 'null'] } } },
    targets: { type: 'object', additionalProperties: { type: ['number', 'null'] } },
    counts: numberColumns,
    worseAndWorsening: { type: 'array', items: byteColumn },
  },
});

export function readProgressSection(stored: unknown): ProgressDocument | null {
  if (typeof stored !== 'object' || stored === null || !('progress' in stored)) return null;
  return readProgress(stored.progress, 'results.progress');
}
