/**
 * Import batches: one per file imported. A batch is written "pending", receives its rows, and
 * becomes visible by one single-document write that sets it "committed" with the next sequence
 * number. Readers only see rows of committed batches; for the same unit (and period) the
 * committed batch with the highest sequence wins, and earlier ones remain as history.
 */
import { nullableString } from './common.js';
import { PERIOD_ID_PATTERN } from './period.js';
import { validationReportSchema, type ValidationReport } from './validation-report.js';
import { compileValidator } from '../../validation/compile.js';
import type { BatchCounts, ImportKind } from '../../domain/import-batch.js';

export type {
  BatchCounts,
  BatchStatus,
  ImportBatch,
  ImportKind,
  ImportOutcome,
} from '../../domain/import-batch.js';

export interface BatchStart {
  readonly kind: ImportKind;
  readonly actor: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly period: string | null;
  readonly periods: readonly string[];
}

export interface BatchFinish {
  readonly counts: BatchCounts;
  readonly report?: ValidationReport;
}

export interface BatchFailure extends Partial<BatchFinish> {
  readonly reason: string;
}

const countsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['rows', 'stored', 'errors', 'warnings'],
  properties: {
    rows: { type: 'integer', minimum: 0 },
    stored: { type: 'integer', minimum: 0 },
    errors: { type: 'integer', minimum: 0 },
    warnings: { type: 'integer', minimum: 0 },
  },
} as const;

export const asBatchStart = compileValidator<BatchStart>('import batch', {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'actor', 'fileName', 'sha256', 'period', 'periods'],
  properties: {
    kind: { enum: ['units', 'observations', 'responses'] },
    actor: { type: 'string', minLength: 1, maxLength: 200 },
    fileName: { type: 'string', minLength: 1, maxLength: 500 },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    period: nullableString(PERIOD_ID_PATTERN),
    periods: { type: 'array', uniqueItems: true, items: { type: 'string', pattern: PERIOD_ID_PATTERN } },
  },
});

export const asBatchFinish = compileValidator<BatchFinish>('import result', {
  type: 'object',
  additionalProperties: false,
  required: ['counts'],
  properties: { counts: countsSchema, report: validationReportSchema },
});

export const asBatchFailure = compileValidator<BatchFailure>('import failure', {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: {
    reason: { type: 'string', minLength: 1, maxLength: 2000 },
    counts: countsSchema,
    report: validationReportSchema,
  },
});
