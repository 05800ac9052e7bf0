/**
 * Import batches: one per file imported. A batch is written "pending", receives its rows, and
 * becomes visible by one single-document write that sets it "committed" with the next sequence
 * number. Readers only see rows of committed batches; for the same unit (and period) the
 * committed batch with the highest sequence wins, and earlier ones remain as history.
 */
import { nullableString } from './common.js';
import { PERIOD_ID_PATTERN } from './period.js';
import { validationReportSchema, type IssueReason, type ValidationReport } from './validation-report.js';
import { compileValidator } from '../validation/compile.js';

export type ImportKind = 'units' | 'observations';
export type BatchStatus = 'pending' | 'committed' | 'failed';
/** What an import call reports: a duplicate is the earlier committed batch, returned unchanged. */
export type ImportOutcome = 'committed' | 'failed' | 'duplicate';

export interface BatchCounts {
  /** Data rows read from the file. */
  readonly rows: number;
  /** Rows (units or observations) stored; 0 unless committed. */
  readonly stored: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface ImportBatch {
  readonly id: string;
  readonly kind: ImportKind;
  /** Who imported: a user login or, from the command line, the system user. */
  readonly actor: string;
  readonly fileName: string;
  /** Hex SHA-256 of the file's bytes. */
  readonly sha256: string;
  /** The period the import was declared for, or null when the file names its periods. */
  readonly period: string | null;
  /** The periods the batch holds observations for (empty for units). */
  readonly periods: readonly string[];
  readonly status: BatchStatus;
  readonly createdAt: string;
  /** Monotonically increasing across all committed batches; null until committed. */
  readonly sequence: number | null;
  readonly committedAt: string | null;
  readonly failedAt: string | null;
  /** Why the batch failed, in one line; null unless failed. */
  readonly failure: string | null;
  readonly counts: BatchCounts;
  /** Issue counts by reason (the full list is in the report). */
  readonly issuesByReason: Readonly<Partial<Record<IssueReason, number>>>;
  readonly hasReport: boolean;
}

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
    kind: { enum: ['units', 'observations'] },
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
